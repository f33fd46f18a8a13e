import { createRoute, z } from '@hono/zod-openapi';
import { nodeTypeInfo, type NodeRegistry } from '@nudgeflow/shared';
import { noPlugins, type LoadedPlugins } from '../../plugins/loaded-plugins';
import { createRouter } from '../router';
import { describeNodesHandler, describeNodesRoute } from './describe-nodes';

const nodeTypeSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.enum(['trigger', 'condition', 'wait', 'action', 'flow']),
    icon: z.string(),
    color: z.string(),
    version: z.number().int(),
    outputs: z.array(z.object({ id: z.string(), label: z.string() })),
    defaults: z.record(z.string(), z.unknown()),
    configSchema: z.record(z.string(), z.unknown()).openapi({ description: 'JSON Schema (draft 2020-12) of the config, with form metadata' }),
    kind: z.enum(['action', 'condition', 'trigger']).optional().openapi({ description: 'Custom node types (plugins) only: what the plugin is' }),
    source: z.string().optional().openapi({ description: 'Custom node types only: the file in the plugins folder, or the npm package, it came from' }),
    event: z.string().optional().openapi({ description: 'Custom triggers only: the event type that starts the flow' }),
  })
  .openapi('NodeType');

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['node types'],
  summary: 'The node catalog the editor builds its palette and forms from',
  responses: { 200: { description: 'Every registered node type', content: { 'application/json': { schema: z.array(nodeTypeSchema) } } } },
});

/**
 * Built once: the registry does not change while the server runs. A custom node type's entry is
 * its PortableNodeType (with kind, source and event): what the editor builds its definition from.
 */
export function describeNodeTypes(registry: NodeRegistry, plugins: LoadedPlugins = noPlugins): z.infer<typeof nodeTypeSchema>[] {
  return registry.list().map((def) => plugins.get(def.type)?.portable ?? nodeTypeInfo(def));
}

/** GET /api/node-types and POST /api/node-types/describe. */
export function nodeTypeRoutes(registry: NodeRegistry, plugins: LoadedPlugins = noPlugins) {
  const body = describeNodeTypes(registry, plugins);
  return createRouter()
    .openapi(route, (c) => c.json(body, 200))
    .openapi(describeNodesRoute, describeNodesHandler(registry));
}
