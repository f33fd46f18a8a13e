import { builtinRegistry, type GraphNode } from '@nudgeflow/shared';
import type { NodeTypeInfo, PluginNodeTypeInfo } from '../api/types';

/** The catalog entry GET /api/node-types serves for a custom action (a loyalty-points plugin at version 2). */
export const pointsEntry: PluginNodeTypeInfo = {
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
};

export const segmentEntry: PluginNodeTypeInfo = {
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
  configSchema: { type: 'object', properties: { segment: { type: 'string', title: 'Segment' } }, required: ['segment'] },
  kind: 'condition',
  source: 'crm-segment.ts',
};

/** The built-in part of the catalog, as the server lists it (schemas left out: the registry does not read them). */
export const builtinEntries: NodeTypeInfo[] = builtinRegistry.list().map((def) => ({
  type: def.type,
  title: def.title,
  description: def.description,
  category: def.category,
  icon: def.icon,
  color: def.color,
  version: def.version,
  outputs: [],
  defaults: def.defaults as Record<string, unknown>,
  configSchema: {},
}));

export function pointsNode(id: string, config: Record<string, unknown> = { points: 50, reason: 'Thank you' }): GraphNode {
  return { id, type: pointsEntry.type, version: 2, position: { x: 0, y: 0 }, config };
}
