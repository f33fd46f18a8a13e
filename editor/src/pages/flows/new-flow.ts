import { CURRENT_SCHEMA_VERSION, flowSettingsSchema, type FlowGraph } from '@nudgeflow/shared';

/** An empty draft for "New flow": the stored shape, with the settings' defaults filled in. */
export function newFlowGraph(): FlowGraph {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, name: 'Untitled flow', settings: flowSettingsSchema.parse({}), nodes: [], edges: [] };
}
