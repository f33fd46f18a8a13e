import { createRoute, z } from '@hono/zod-openapi';
import type { NodeRegistry } from '@nudgeflow/shared';
import { z as zod } from 'zod';
import { createRouter } from '../router';

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
  })
  .openapi('NodeType');

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['node types'],
  summary: 'The node catalog the editor builds its palette and forms from',
  responses: { 200: { description: 'Every registered node type', content: { 'application/json': { schema: z.array(nodeTypeSchema) } } } },
});

/** Built once: the registry does not change while the server runs. */
export function describeNodeTypes(registry: NodeRegistry): z.infer<typeof nodeTypeSchema>[] {
  return registry.list().map((def) => ({
    type: def.type,
    title: def.title,
    description: def.description,
    category: def.category,
    icon: def.icon,
    color: def.color,
    version: def.version,
    outputs: def.outputs(def.configSchema.parse(def.defaults)),
    defaults: def.defaults as Record<string, unknown>,
    configSchema: zod.toJSONSchema(def.configSchema, { io: 'input' }) as Record<string, unknown>,
  }));
}

export function nodeTypeRoutes(registry: NodeRegistry) {
  const body = describeNodeTypes(registry);
  return createRouter().openapi(route, (c) => c.json(body, 200));
}
