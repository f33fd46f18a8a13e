import type { PortableNodeType } from './types';

/*
 * Custom node types as plain JSON, as GET /api/node-types lists them and a published version pins
 * them: for tests of the code that gets this JSON and never the plugin code (the editor, the
 * workflow). `satisfies` keeps the literal types, so the editor's catalog type takes them too.
 */

/** A loyalty-points action at version 2, with a strict config (both fields required) and a second output. */
export const pointsNodeType = {
  type: 'acme.addPoints',
  title: 'Add loyalty points',
  description: 'Credit points in the loyalty program.',
  category: 'action',
  icon: 'gift',
  color: '#16a34a',
  version: 2,
  outputs: [
    { id: 'next', label: 'Next' },
    { id: 'notMember', label: 'Not a member' },
  ],
  defaults: { points: 50, reason: 'Thank you' },
  configSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      points: { type: 'integer', exclusiveMinimum: 0, title: 'Points' },
      reason: { type: 'string', minLength: 1, title: 'Reason' },
    },
    required: ['points', 'reason'],
    additionalProperties: false,
  },
  kind: 'action',
  source: 'loyalty-points.ts',
} satisfies PortableNodeType;

/** A CRM-segment condition at version 1, with the default outputs of a condition. */
export const segmentNodeType = {
  type: 'acme.inSegment',
  title: 'In CRM segment',
  description: 'Is the contact in a CRM segment?',
  category: 'condition',
  icon: 'users',
  color: '#0891b2',
  version: 1,
  outputs: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
  defaults: { segment: 'vip' },
  configSchema: { type: 'object', properties: { segment: { type: 'string', minLength: 1, title: 'Segment' } }, required: ['segment'] },
  kind: 'condition',
  source: 'crm-segment.ts',
} satisfies PortableNodeType;
