import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { checkNode, type GraphNode, type NodeRegistry } from '@nudgeflow/shared';

const nodeToDescribe = z.object({
  id: z.string().min(1).openapi({ example: 'points' }),
  type: z.string().min(1).openapi({ example: 'acme.addLoyaltyPoints' }),
  version: z.number().int().positive().optional().openapi({ description: 'The config version the node was saved for; absent means 1' }),
  config: z.record(z.string(), z.unknown()),
});

const problemSchema = z.object({
  field: z.string().openapi({ description: 'Path inside the config ("points"); empty for the config as a whole' }),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

const describedSchema = z
  .object({
    id: z.string(),
    summary: z.string().optional().openapi({ description: 'The canvas line, from the real definition; absent while the config is invalid' }),
    outputs: z.array(z.object({ id: z.string(), label: z.string() })),
    problems: z.array(problemSchema),
  })
  .openapi('DescribedNode');

export const describeNodesRoute = createRoute({
  method: 'post',
  path: '/describe',
  tags: ['node types'],
  summary: "Nodes' summaries, outputs and config problems, from the server's definitions",
  description:
    'The editor has no code of custom node types (plugins): it asks here for what their definitions say of the configs on its canvas. ' +
    'Works for every type. An unknown type is a problem naming it.',
  request: {
    body: { required: true, content: { 'application/json': { schema: z.object({ nodes: z.array(nodeToDescribe).max(1000) }) } } },
  },
  responses: {
    200: { description: 'One entry per node, in the order asked', content: { 'application/json': { schema: z.object({ nodes: z.array(describedSchema) }) } } },
  },
});

type Described = z.infer<typeof describedSchema>;

/**
 * What the type's definition says of one node: the validator's own checks of it (config migrated
 * from its version, parsed with the same plain-English messages, checked, templates read), its
 * outputs and its summary. A summary that throws is a problem: a plugin's bug must not fail the request.
 */
export function describeNode(registry: NodeRegistry, node: z.infer<typeof nodeToDescribe>): Described {
  const graphNode: GraphNode = { id: node.id, type: node.type, position: { x: 0, y: 0 }, config: node.config, ...(node.version !== undefined ? { version: node.version } : {}) };
  const { info, problems } = checkNode({ node: graphNode, configReadable: true }, registry);
  const described = problems.map((p) => ({ field: p.field ?? '', message: p.message, severity: p.severity }));
  let summary: string | undefined;
  if (info.def && info.config !== undefined) {
    try {
      summary = String(info.def.summary(info.config));
    } catch (error) {
      described.push({ field: '', message: `failed while writing its summary: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' });
    }
  }
  return { id: node.id, ...(summary !== undefined ? { summary } : {}), outputs: info.outputs ?? [], problems: described };
}

export function describeNodesHandler(registry: NodeRegistry): RouteHandler<typeof describeNodesRoute> {
  return (c) => {
    const { nodes } = c.req.valid('json');
    return c.json({ nodes: nodes.map((node) => describeNode(registry, node)) }, 200);
  };
}
