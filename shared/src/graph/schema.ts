import { z } from 'zod';
import { flowSettingsSchema } from './settings';

export const CURRENT_SCHEMA_VERSION = 1;

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id is 1-64 letters, digits, "_" or "-"');

export const graphNodeSchema = z.object({
  id: idSchema,
  type: z.string().min(1),
  /** The node type's config version this config was written for; absent means 1. */
  version: z.number().int().positive().optional(),
  /** The marketer's own name for the node, shown on the canvas. */
  label: z.string().max(120).optional(),
  position: z.object({ x: z.number(), y: z.number() }),
  /** Checked against the node type's schema by the validator, not here: a draft may be incomplete. */
  config: z.record(z.string(), z.unknown()).default({}),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: idSchema,
  source: z.string(),
  /** One of the source type's outputs; omitted when the only output is "next". */
  sourceHandle: z.string().optional(),
  target: z.string(),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const flowGraphSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    name: z.string().min(1).max(200),
    description: z.string().optional(),
    settings: flowSettingsSchema.default(flowSettingsSchema.parse({})),
    nodes: z.array(graphNodeSchema),
    edges: z.array(graphEdgeSchema),
  })
  .meta({ title: 'Flow graph' });

/** A graph as stored and exchanged (defaults applied). */
export type FlowGraph = z.infer<typeof flowGraphSchema>;
/** A graph as written by hand (defaults may be missing). */
export type FlowGraphInput = z.input<typeof flowGraphSchema>;
