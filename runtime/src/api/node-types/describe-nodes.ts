import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { migrateConfig, type AnyNodeDefinition, type ConfigProblem, type NodeOutput, type NodeRegistry } from '@nudgeflow/shared';

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
type Problem = z.infer<typeof problemSchema>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultOutputs(def: AnyNodeDefinition): NodeOutput[] {
  try {
    return def.outputs(def.configSchema.parse(def.defaults));
  } catch {
    return [];
  }
}

/** Runs one of the definition's callbacks; a throw becomes a problem (a plugin's bug must not fail the request). */
function guarded<T>(problems: Problem[], what: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    problems.push({ field: '', message: `failed while ${what}: ${messageOf(error)}`, severity: 'error' });
    return undefined;
  }
}

/** What the type's definition says of one node: its config migrated from its version, parsed, checked, summarised. */
export function describeNode(registry: NodeRegistry, node: z.infer<typeof nodeToDescribe>): Described {
  const def = registry.get(node.type);
  if (!def) return { id: node.id, outputs: [], problems: [{ field: '', message: `there is no node type "${node.type}" on this server`, severity: 'error' }] };
  const problems: Problem[] = [];
  const fallback = { id: node.id, outputs: defaultOutputs(def), problems };
  const version = node.version ?? 1;
  if (version > def.version) {
    problems.push({ field: '', message: `saved for version ${version} of ${def.type}, but this server knows only up to version ${def.version}`, severity: 'error' });
    return fallback;
  }
  const migrated = guarded(problems, `upgrading its config from version ${version}`, () => migrateConfig(def, node.config, version));
  if (!migrated) return fallback;
  const parsed = def.configSchema.safeParse(migrated);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ field: issue.path.map(String).join('.'), message: issue.message, severity: 'error' });
    return fallback;
  }
  const config: unknown = parsed.data;
  for (const p of guarded(problems, 'checking its config', () => (def.check?.(config) ?? []) as ConfigProblem[]) ?? [])
    problems.push({ field: p.field, message: p.message, severity: p.severity ?? 'error' });
  const outputs = guarded(problems, 'listing its outputs', () => def.outputs(config)) ?? fallback.outputs;
  const summary = guarded(problems, 'writing its summary', () => String(def.summary(config)));
  return { id: node.id, ...(summary !== undefined ? { summary } : {}), outputs, problems };
}

export function describeNodesHandler(registry: NodeRegistry): RouteHandler<typeof describeNodesRoute> {
  return (c) => {
    const { nodes } = c.req.valid('json');
    return c.json({ nodes: nodes.map((node) => describeNode(registry, node)) }, 200);
  };
}
