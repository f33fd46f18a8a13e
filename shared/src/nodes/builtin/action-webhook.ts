import { z } from 'zod';
import type { ConfigProblem, TemplateField } from '../types';
import { defineNode } from '../types';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
// RFC 9110 token characters: what a header name may be made of.
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const actionWebhook = defineNode({
  type: 'action.webhook',
  title: 'Call a webhook',
  description: 'Sends an HTTP request to another system (a CRM, a loyalty program, Slack), with Liquid in the URL, headers and body.',
  category: 'action',
  icon: 'webhook',
  color: '#16a34a',
  version: 1,
  configSchema: () => z.object({
    method: z
      .enum(methods)
      .default('POST')
      .meta({ title: 'Method', enumLabels: { GET: 'GET', POST: 'POST', PUT: 'PUT', PATCH: 'PATCH', DELETE: 'DELETE' } }),
    url: z.string().min(1, 'the URL is empty').meta({ title: 'URL', format: 'liquid', description: 'Starts with https://; Liquid allowed' }),
    headers: z
      .record(z.string(), z.string())
      .default({})
      .meta({ title: 'Headers', description: 'Values may use Liquid, e.g. Authorization: Bearer …' }),
    body: z.string().optional().meta({ title: 'Body', format: 'liquid', description: 'Usually JSON; Liquid allowed' }),
    timeoutSeconds: z.number().int().min(1).max(60).default(10).meta({ title: 'Timeout (seconds)', description: 'After this the call counts as failed' }),
  }),
  defaults: { method: 'POST', url: 'https://example.com/webhooks/nudgeflow', headers: {}, body: '{"contactId": "{{ contact.id }}"}', timeoutSeconds: 10 },
  outputs: () => [
    { id: 'next', label: 'Next' },
    { id: 'failed', label: 'Failed' },
  ],
  summary: (c) => `${c.method} ${c.url.length > 48 ? `${c.url.slice(0, 47)}…` : c.url}`,
  check: (c) => {
    const problems: ConfigProblem[] = [];
    // A URL may be entirely Liquid ("{{ contact.attributes.hook }}"); its rendering is checked at send time.
    if (!/^https?:\/\//i.test(c.url) && !c.url.startsWith('{{'))
      problems.push({ field: 'url', message: 'the URL must start with https:// or http://' });
    for (const name of Object.keys(c.headers))
      if (!headerName.test(name)) problems.push({ field: `headers.${name}`, message: `"${name}" is not a valid header name` });
    return problems;
  },
  templates: (c) => {
    const fields: TemplateField[] = [{ field: 'url', source: c.url, kind: 'liquid' }];
    for (const [name, value] of Object.entries(c.headers)) fields.push({ field: `headers.${name}`, source: value, kind: 'liquid' });
    if (c.body !== undefined) fields.push({ field: 'body', source: c.body, kind: 'liquid' });
    return fields;
  },
  behavior: { kind: 'effect' },
});
