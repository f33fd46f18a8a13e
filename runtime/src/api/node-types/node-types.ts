import { createRoute, z } from '@hono/zod-openapi';
import { nodeTypeInfo, type NodeRegistry } from '@nudgeflow/shared';
import { nodeTypeEntrySchema, type NodeTypeEntry } from '@nudgeflow/shared/api';
import { noPlugins, type LoadedPlugins } from '../../plugins/loaded-plugins';
import { createRouter } from '../router';
import { describeNodesHandler, describeNodesRoute } from './describe-nodes';

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['node types'],
  summary: 'The node catalog the editor builds its palette and forms from',
  responses: { 200: { description: 'Every registered node type', content: { 'application/json': { schema: z.array(nodeTypeEntrySchema) } } } },
});

/**
 * Built once: the registry does not change while the server runs. A custom node type's entry is
 * its PortableNodeType (with kind, source and event): what the editor builds its definition from.
 */
export function describeNodeTypes(registry: NodeRegistry, plugins: LoadedPlugins = noPlugins): NodeTypeEntry[] {
  return registry.list().map((def) => plugins.get(def.type)?.portable ?? nodeTypeInfo(def));
}

/** GET /api/node-types and POST /api/node-types/describe. */
export function nodeTypeRoutes(registry: NodeRegistry, plugins: LoadedPlugins = noPlugins) {
  const body = describeNodeTypes(registry, plugins);
  return createRouter()
    .openapi(route, (c) => c.json(body, 200))
    .openapi(describeNodesRoute, describeNodesHandler(registry));
}
