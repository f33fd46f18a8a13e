import type { GraphNode } from '../graph/schema';
import { analyzeTemplate } from '../liquid/analyze';
import { migrateConfig } from '../nodes/migrate';
import type { NodeRegistry } from '../nodes/registry';
import type { AnyNodeDefinition, NodeOutput } from '../nodes/types';
import type { ReadNode } from './document';
import type { Problem } from './problems';
import { didYouMean } from './suggest';
import { friendlyIssueMessage, pathText } from './zod-messages';

/** What the graph checks need to know about one node. */
export interface NodeInfo {
  node: GraphNode;
  /** Absent for an unknown type. */
  def?: AnyNodeDefinition;
  /** The parsed config (defaults applied), when it is valid. */
  config?: unknown;
  /** From the config, or from the type's defaults while the config is invalid; absent for an unknown type. */
  outputs?: NodeOutput[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs a node type's own callback; a plugin that throws becomes a problem instead of a crash. */
function guarded<T>(node: GraphNode, what: string, problems: Problem[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    problems.push({ severity: 'error', code: 'definition-error', nodeId: node.id, message: `${node.type} failed while ${what}: ${errorText(error)}` });
    return undefined;
  }
}

const defaultOutputsCache = new WeakMap<AnyNodeDefinition, NodeOutput[] | undefined>();

function defaultOutputs(def: AnyNodeDefinition): NodeOutput[] | undefined {
  if (defaultOutputsCache.has(def)) return defaultOutputsCache.get(def);
  let outputs: NodeOutput[] | undefined;
  try {
    const parsed = def.configSchema.safeParse(def.defaults);
    outputs = parsed.success ? def.outputs(parsed.data) : undefined;
  } catch {
    // A type whose defaults cannot even list outputs: its edges are simply not checked.
    outputs = undefined;
  }
  defaultOutputsCache.set(def, outputs);
  return outputs;
}

function checkTemplates(def: AnyNodeDefinition, node: GraphNode, config: unknown, problems: Problem[]): void {
  const fields = guarded(node, 'listing its templates', problems, () => def.templates?.(config)) ?? [];
  for (const template of fields)
    for (const issue of analyzeTemplate(template.source, template.kind))
      problems.push({
        severity: issue.severity,
        code: issue.code,
        message: issue.message,
        nodeId: node.id,
        field: template.field,
        ...(issue.line !== undefined ? { line: issue.line } : {}),
        ...(issue.column !== undefined ? { column: issue.column } : {}),
      });
}

/** Type, version, config shape, the type's own checks and templates of one node. */
export function checkNode({ node, configReadable }: ReadNode, registry: NodeRegistry): { info: NodeInfo; problems: Problem[] } {
  const problems: Problem[] = [];
  // A missing type is a shape problem, already reported.
  if (node.type === '') return { info: { node }, problems };
  const def = registry.get(node.type);
  if (!def) {
    const message = `there is no node type "${node.type}"${didYouMean(node.type, registry.list().map((d) => d.type))}`;
    problems.push({ severity: 'error', code: 'unknown-type', message, nodeId: node.id });
    return { info: { node }, problems };
  }
  const info: NodeInfo = { node, def, outputs: defaultOutputs(def) };
  if (!configReadable) return { info, problems };

  const version = node.version ?? 1;
  if (version > def.version) {
    const message = `this node was saved for version ${version} of ${def.type}, but this server knows only up to version ${def.version}; update Nudgeflow to edit it`;
    problems.push({ severity: 'error', code: 'version-too-new', message, nodeId: node.id });
    return { info, problems };
  }
  const migrated = guarded(node, `upgrading its config from version ${version}`, problems, () => migrateConfig(def, node.config, version));
  if (migrated === undefined) return { info, problems };

  const parsed = def.configSchema.safeParse(migrated, { error: friendlyIssueMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = pathText(issue.path);
      problems.push({ severity: 'error', code: 'invalid-config', message: issue.message, nodeId: node.id, ...(field ? { field } : {}) });
    }
    return { info, problems };
  }

  const config: unknown = parsed.data;
  info.config = config;
  info.outputs = guarded(node, 'listing its outputs', problems, () => def.outputs(config)) ?? info.outputs;
  for (const p of guarded(node, 'checking its config', problems, () => def.check?.(config)) ?? [])
    problems.push({ severity: p.severity ?? 'error', code: 'config-check', message: p.message, nodeId: node.id, ...(p.field ? { field: p.field } : {}) });
  checkTemplates(def, node, config, problems);
  return { info, problems };
}

/** References from one node's config to other nodes (an engagement check names an email node). */
export function checkNodeRefs(info: NodeInfo, byId: ReadonlyMap<string, NodeInfo>): Problem[] {
  const { def, node, config } = info;
  if (!def?.nodeRefs || config === undefined) return [];
  const problems: Problem[] = [];
  for (const ref of guarded(node, 'listing the nodes it refers to', problems, () => def.nodeRefs?.(config)) ?? []) {
    const target = byId.get(ref.nodeId);
    const allowed = ref.types?.join(' or ');
    let message: string | undefined;
    if (ref.nodeId === '') message = `choose a node${allowed ? ` (${allowed})` : ''}`;
    else if (!target) message = `points at node "${ref.nodeId}", which is not in this flow`;
    else if (ref.types && !ref.types.includes(target.node.type)) message = `points at node ${ref.nodeId} (${target.node.type}), but it must be ${allowed}`;
    if (message) problems.push({ severity: 'error', code: 'invalid-node-ref', message, nodeId: node.id, field: ref.field });
  }
  return problems;
}
