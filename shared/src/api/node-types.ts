import { z } from 'zod';

const nodeOutputSchema = z.object({ id: z.string(), label: z.string() });

/** One entry of GET /api/node-types: the shared NodeTypeInfo, plus what custom node types (PortableNodeType) add. */
export const nodeTypeEntrySchema = z
  .object({
    type: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.enum(['trigger', 'condition', 'wait', 'action', 'flow']),
    icon: z.string(),
    color: z.string(),
    version: z.number().int(),
    outputs: z.array(nodeOutputSchema),
    defaults: z.record(z.string(), z.unknown()),
    configSchema: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema (draft 2020-12) of the config, with form metadata' }),
    kind: z.enum(['action', 'condition', 'trigger']).optional().meta({ description: 'Custom node types (plugins) only: what the plugin is' }),
    source: z.string().optional().meta({ description: 'Custom node types only: the file in the plugins folder, or the npm package, it came from' }),
    event: z.string().optional().meta({ description: 'Custom triggers only: the event type that starts the flow' }),
  })
  .meta({ id: 'NodeType' });
export type NodeTypeEntry = z.infer<typeof nodeTypeEntrySchema>;

/** One node of a POST /api/node-types/describe request: the node as the draft has it. */
export const describeNodeRequestSchema = z.object({
  id: z.string().min(1).meta({ example: 'points' }),
  type: z.string().min(1).meta({ example: 'acme.addLoyaltyPoints' }),
  version: z.number().int().positive().optional().meta({ description: 'The config version the node was saved for; absent means 1' }),
  config: z.record(z.string(), z.unknown()),
});
export type DescribeNodeRequest = z.infer<typeof describeNodeRequestSchema>;

export const describeNodesRequestSchema = z.object({ nodes: z.array(describeNodeRequestSchema).max(1000) });

/** A problem the node type's own definition (run on the server) finds in a config. */
export const describedProblemSchema = z.object({
  field: z.string().meta({ description: 'Path inside the config ("points"); empty for the config as a whole' }),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type DescribedProblem = z.infer<typeof describedProblemSchema>;

/** What the server's real definition of a node type says about one node's config. */
export const describedNodeSchema = z
  .object({
    id: z.string(),
    summary: z.string().optional().meta({ description: 'The canvas line, from the real definition; absent while the config is invalid' }),
    outputs: z.array(nodeOutputSchema),
    problems: z.array(describedProblemSchema),
  })
  .meta({ id: 'DescribedNode' });
export type DescribedNode = z.infer<typeof describedNodeSchema>;

/** One entry per node, in the order asked. */
export const describeNodesAnswerSchema = z.object({ nodes: z.array(describedNodeSchema) });
export type DescribeNodesAnswer = z.infer<typeof describeNodesAnswerSchema>;
