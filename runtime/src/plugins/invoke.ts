import type { RunContext } from '@nudgeflow/shared/nodes';
import { migrateConfig, MigrationError, type AnyNodeDefinition } from '@nudgeflow/shared/nodes';
import { pluginNodeDefinition, PluginInputError, type ActionPlugin, type ConditionPlugin, type PluginContext } from '@nudgeflow/shared/plugins';

/** The plugins whose code runs for a node: actions (execute) and conditions (evaluate). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RunnablePlugin = ActionPlugin<any> | ConditionPlugin<any>;

export interface InvokeInput {
  /** The node's config as stored, written for `configVersion` of the plugin. */
  config: Record<string, unknown>;
  configVersion: number;
  context: RunContext;
  nodeId: string;
  idempotencyKey: string;
  /** The secrets the plugin declared, read from the environment. */
  secrets: Record<string, string>;
  /** The run's (flow) time. */
  now: Date;
  log: PluginContext<unknown>['log'];
  /** The activity's cancellation; the plugin's own timeout is added to it. */
  signal?: AbortSignal;
}

export interface Invocation {
  /** The output the run follows. */
  output: string;
  detail?: string;
  /** Conditions only. */
  matched?: boolean;
}

/** Per attempt, when the plugin sets none: inside the worker's activity timeout of the kind (PLUGIN_LIMITS). */
const DEFAULT_TIMEOUT_SECONDS = { action: 30, condition: 20 } as const;
/** setTimeout fires at once for longer delays (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Thrown when an attempt outlives the plugin's timeoutSeconds: retried like any other failure. */
export class PluginTimeoutError extends Error {
  override name = 'PluginTimeoutError';
}

// One definition per plugin object: its outputs, version and migrations are what the server uses.
const definitions = new WeakMap<RunnablePlugin, AnyNodeDefinition>();

function definitionOf(plugin: RunnablePlugin): AnyNodeDefinition {
  let def = definitions.get(plugin);
  if (!def) {
    def = pluginNodeDefinition(plugin, plugin.type);
    definitions.set(plugin, def);
  }
  return def;
}

/**
 * Runs a plugin's execute (action) or evaluate (condition) for one node visit: migrates the
 * stored config to the plugin's current version, parses it, calls the plugin with its context
 * and turns what it returns into the output to follow. Used by the worker's executor, its
 * condition lookup and the authors' test harness alike, so a plugin behaves the same in all three.
 *
 * Throws PluginInputError (never worth retrying) for a config the plugin's schema rejects, a
 * declared secret that is not set, and an answer that names no output of the node;
 * PluginTimeoutError (retried) after the plugin's timeoutSeconds; anything the plugin throws
 * passes through.
 */
export async function invokePlugin(plugin: RunnablePlugin, input: InvokeInput): Promise<Invocation> {
  const def = definitionOf(plugin);
  const config = parseConfig(def, input);
  const unset = (plugin.secrets ?? []).filter((name: string) => !input.secrets[name]);
  // The loader keeps a plugin whose secrets are unset (its flows stay valid); only a restart with them set helps.
  if (unset.length > 0)
    throw new PluginInputError(`node "${input.nodeId}" (${plugin.title}) needs ${unset.join(', ')} set in the worker's environment; set ${unset.length > 1 ? 'them' : 'it'} and restart the worker`);
  const timeoutSeconds = plugin.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS[plugin.kind];
  // A timer cleared when the attempt ends, rather than AbortSignal.timeout, which lives on for its full time.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), Math.min(timeoutSeconds * 1000, MAX_TIMER_MS));
  const signal = input.signal ? AbortSignal.any([input.signal, deadline.signal]) : deadline.signal;
  const ctx: PluginContext<unknown> = {
    config,
    contact: input.context.contact,
    ...(input.context.order ? { order: input.context.order } : {}),
    ...(input.context.event ? { event: input.context.event } : {}),
    ...(input.context.trigger ? { trigger: input.context.trigger } : {}),
    run: { id: input.context.runId, flowId: input.context.flow.id, nodeId: input.nodeId, test: input.context.test ?? false },
    idempotencyKey: input.idempotencyKey,
    secrets: input.secrets,
    now: input.now,
    log: input.log,
    signal,
  };
  const outputs = def.outputs(config).map((o: { id: string }) => o.id);
  const where = `node "${input.nodeId}" (${plugin.title})`;
  const timeout = () => new PluginTimeoutError(`${where} took longer than its ${timeoutSeconds} s timeout`);
  const answer = await untilAborted<unknown>(() => (plugin.kind === 'action' ? plugin.execute(ctx) : plugin.evaluate(ctx)), signal, deadline.signal, timeout).finally(() =>
    clearTimeout(timer),
  );
  const result = plugin.kind === 'action' ? actionResult(answer, outputs, where) : conditionResult(answer, where);
  if (!outputs.includes(result.output))
    throw new PluginInputError(`${where} chose the output "${result.output}", but it has only ${outputs.map((id: string) => `"${id}"`).join(', ')}`);
  return result;
}

function parseConfig(def: AnyNodeDefinition, input: InvokeInput): unknown {
  const where = `the settings of node "${input.nodeId}" (${def.title})`;
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateConfig(def, input.config, input.configVersion);
  } catch (error) {
    // A config newer than this worker's plugin: another worker (mid-deploy) may know it, so retry.
    if (error instanceof MigrationError) throw error;
    throw new PluginInputError(`${where} could not be brought from version ${input.configVersion} to ${def.version}: ${messageOf(error)}`);
  }
  const parsed = def.configSchema.safeParse(migrated);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.map(String).join('.') || '(settings)'}: ${i.message}`);
    throw new PluginInputError(`${where} are not valid: ${issues.join('; ')}`);
  }
  return parsed.data;
}

function actionResult(answer: unknown, outputs: string[], where: string): Invocation {
  if (answer === undefined || answer === null) return { output: outputs[0] ?? 'next' };
  if (typeof answer !== 'object') throw new PluginInputError(`${where}: execute() returned ${JSON.stringify(answer)}; expected nothing or { output?, detail? }`);
  const { output, detail } = answer as { output?: unknown; detail?: unknown };
  if (output !== undefined && typeof output !== 'string') throw new PluginInputError(`${where}: execute() returned an output that is not text`);
  return { output: output ?? outputs[0] ?? 'next', ...detailOf(detail) };
}

function conditionResult(answer: unknown, where: string): Invocation {
  if (typeof answer === 'boolean') return { output: answer ? 'yes' : 'no', matched: answer };
  const { matched, output, detail } = (answer ?? {}) as { matched?: unknown; output?: unknown; detail?: unknown };
  if (typeof matched !== 'boolean')
    throw new PluginInputError(`${where}: evaluate() returned ${JSON.stringify(answer)}; expected true, false or { matched, output?, detail? }`);
  if (output !== undefined && typeof output !== 'string') throw new PluginInputError(`${where}: evaluate() returned an output that is not text`);
  return { output: output ?? (matched ? 'yes' : 'no'), matched, ...detailOf(detail) };
}

function detailOf(detail: unknown): { detail?: string } {
  return detail === undefined || detail === null ? {} : { detail: String(detail) };
}

/** The plugin's promise, or a rejection once the signal aborts: a plugin that ignores its signal cannot hold the attempt forever. */
function untilAborted<T>(start: () => Promise<T>, signal: AbortSignal, deadline: AbortSignal, timeout: () => Error): Promise<T> {
  const reason = () => (deadline.aborted ? timeout() : signal.reason);
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve()
      .then(start)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
