import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { checkNode, type GraphNode, type NodeRegistry } from '@nudgeflow/shared';
import { describeNodesAnswerSchema, describeNodesRequestSchema, type DescribedNode, type DescribeNodeRequest } from '@nudgeflow/shared/api';

export const describeNodesRoute = createRoute({
  method: 'post',
  path: '/describe',
  tags: ['node types'],
  summary: "Nodes' summaries, outputs and config problems, from the server's definitions",
  description:
    'The editor has no code of custom node types (plugins): it asks here for what their definitions say of the configs on its canvas. ' +
    'Works for every type. An unknown type is a problem naming it.',
  request: {
    body: { required: true, content: { 'application/json': { schema: describeNodesRequestSchema } } },
  },
  responses: {
    200: { description: 'One entry per node, in the order asked', content: { 'application/json': { schema: describeNodesAnswerSchema } } },
  },
});

/**
 * What the type's definition says of one node: the validator's own checks of it (config migrated
 * from its version, parsed with the same plain-English messages, checked, templates read), its
 * outputs and its summary. A summary that throws is a problem: a plugin's bug must not fail the request.
 */
export function describeNode(registry: NodeRegistry, node: DescribeNodeRequest): DescribedNode {
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
