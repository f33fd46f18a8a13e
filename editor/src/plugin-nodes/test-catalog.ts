import { builtinRegistry, nodeTypeInfo, type GraphNode } from '@nudgeflow/shared';
import { pointsNodeType, segmentNodeType } from '../../../shared/src/plugins/test-node-types';
import type { NodeTypeInfo, PluginNodeTypeInfo } from '../api/types';

/** The catalog entry GET /api/node-types serves for a custom action (a loyalty-points plugin at version 2). */
export const pointsEntry: PluginNodeTypeInfo = pointsNodeType;

/** The catalog entry of a custom condition (a CRM-segment plugin). */
export const segmentEntry: PluginNodeTypeInfo = segmentNodeType;

/** The built-in part of the catalog, as the server lists it (JSON Schemas left out: the editor's registry does not read a built-in's). */
export const builtinEntries: NodeTypeInfo[] = builtinRegistry.list().map((def) => ({ ...nodeTypeInfo(def), configSchema: {} }));

export function pointsNode(id: string, config: Record<string, unknown> = { points: 50, reason: 'Thank you' }): GraphNode {
  return { id, type: pointsEntry.type, version: 2, position: { x: 0, y: 0 }, config };
}
