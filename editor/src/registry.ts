import { builtinRegistry, type NodeRegistry } from '@nudgeflow/shared';
import { registryWithNodeTypes } from '@nudgeflow/shared/plugins';
import { isPluginNodeType, type NodeTypeInfo } from './api/types';

/**
 * The node definitions the editor runs locally (outputs, validation, connection rules): the
 * built-in ones, the same code the server and the workflow run, plus each custom type the catalog
 * lists, as its portable definition (`portableDefinition(entry, { strict: true })`: schema from
 * its JSON Schema, static outputs). A custom type's code stays on the server: its summaries and
 * own checks come from there (plugin-nodes/node-descriptions). Built once per catalog; without
 * custom types it is the built-in registry itself.
 */
export function editorRegistry(catalog: readonly NodeTypeInfo[]): NodeRegistry {
  return registryWithNodeTypes(builtinRegistry, catalog.filter(isPluginNodeType), { strict: true });
}
