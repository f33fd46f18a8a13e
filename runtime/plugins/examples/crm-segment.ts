import { z } from 'zod';
import { definePlugin, PluginInputError } from '@nudgeflow/shared/plugins';

/*
 * Example condition: is the contact in a segment of an external CRM?
 *
 *   GET $CRM_API_URL/contacts/<externalId or id>/segments  ->  { "segments": ["vip", ...] }
 *
 * "Yes" when the configured segment is in the list; "No" when it is not or the CRM does not know
 * the contact (404). 5xx, 408, 429 and network errors are retried; another answer fails the node.
 */
export default definePlugin({
  kind: 'condition',
  type: 'acme.inCrmSegment',
  title: 'In CRM segment',
  description: 'Check whether the contact belongs to a segment in the Acme CRM.',
  icon: 'users',
  config: z.object({
    segment: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, "-" and "_", as the CRM names segments')
      .meta({ title: 'Segment', description: 'The segment name as the CRM writes it, e.g. "vip"' }),
  }),
  defaults: { segment: 'vip' },
  summary: (config) => `In CRM segment "${config.segment}"`,
  secrets: ['CRM_API_URL'],
  timeoutSeconds: 5,

  async evaluate({ config, contact, secrets, signal }) {
    const id = encodeURIComponent(contact.externalId ?? contact.id);
    const response = await fetch(`${secrets.CRM_API_URL!.replace(/\/+$/, '')}/contacts/${id}/segments`, { signal });
    if (response.status === 404) return { matched: false, detail: 'the CRM does not know this contact' };
    if (response.status === 408 || response.status === 429 || response.status >= 500)
      throw new Error(`the CRM answered HTTP ${response.status}; trying again`);
    if (!response.ok) throw new PluginInputError(`the CRM refused the request: HTTP ${response.status}`);

    const body = (await response.json()) as { segments?: unknown };
    if (!Array.isArray(body.segments)) throw new PluginInputError('the CRM answered without a "segments" list');
    const matched = body.segments.includes(config.segment);
    return { matched, detail: matched ? `in segment "${config.segment}"` : `not in segment "${config.segment}"` };
  },
});
