import { contactSchema, flowEventSchema, orderSchema } from '@nudgeflow/shared';
import type { RunContext } from '@nudgeflow/shared/nodes';
import { pluginProblems, pluginVersion, type AnyNodePlugin } from '@nudgeflow/shared/plugins';
import type { z } from 'zod';
import { invokePlugin, type RunnablePlugin } from './invoke';

/*
 * The test harness for plugin authors (`@nudgeflow/runtime/plugin-testing`): runs a plugin's
 * execute/evaluate exactly as the worker does (same config migration, parsing, context and
 * output rules, through invokePlugin), without Temporal or a database.
 */

export interface RunPluginNodeOptions {
  /** The node's settings; default: the plugin's defaults. */
  config?: Record<string, unknown>;
  /** The plugin version `config` was written for (to test a migration); default: the current one. */
  configVersion?: number;
  /** Default: a sample contact (Jana Nováková, jana@example.com, id "contact-1"). */
  contact?: z.input<typeof contactSchema>;
  /** Default: the event's order, if it has one. */
  order?: z.input<typeof orderSchema>;
  /** The event that last moved the run. */
  event?: z.input<typeof flowEventSchema>;
  /** The event that started the run; default: `event`. */
  trigger?: z.input<typeof flowEventSchema>;
  /** Values of the secrets the plugin declares; the plugin sees only those it declares, as in the worker. */
  secrets?: Record<string, string>;
  /** The run's time; default: the current time. */
  now?: Date;
  /** A test run (ctx.run.test). */
  test?: boolean;
  signal?: AbortSignal;
}

export interface PluginLogEntry {
  message: string;
  fields?: Record<string, unknown>;
}

export interface PluginNodeResult {
  /** The output the run would follow. */
  output: string;
  detail?: string;
  /** Conditions only. */
  matched?: boolean;
  /** What the plugin logged, in order. */
  logs: PluginLogEntry[];
}

/** The run the harness pretends to be: the idempotency key has the worker's shape, run:node:visit. */
export const TEST_RUN = { runId: 'test-run', flowId: 'test-flow', nodeId: 'node-1', idempotencyKey: 'test-run:node-1:1' } as const;

const sampleContact: z.input<typeof contactSchema> = {
  id: 'contact-1',
  email: 'jana@example.com',
  firstName: 'Jana',
  lastName: 'Nováková',
  consent: { email: true, sms: true },
};

/**
 * Runs one visit of a plugin node and says which output the run would follow. Throws what the
 * worker would fail or retry on: PluginInputError (the node fails at once), any other error (retried).
 */
export async function runPluginNode(plugin: AnyNodePlugin, options: RunPluginNodeOptions = {}): Promise<PluginNodeResult> {
  const runnable = runnablePlugin(plugin);
  const version = pluginVersion(runnable);
  if (options.configVersion !== undefined && options.config === undefined)
    throw new Error(`runPluginNode: configVersion ${options.configVersion} says which version \`config\` was written for; pass that config too`);
  const logs: PluginLogEntry[] = [];
  const result = await invokePlugin(runnable, {
    config: options.config ?? (runnable.defaults as Record<string, unknown>),
    configVersion: options.configVersion ?? version,
    context: runContext(options),
    nodeId: TEST_RUN.nodeId,
    idempotencyKey: TEST_RUN.idempotencyKey,
    secrets: declaredSecrets(runnable, options.secrets ?? {}),
    now: options.now ?? new Date(),
    log: (message, fields) => logs.push(fields === undefined ? { message } : { message, fields }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { ...result, logs };
}

/**
 * Throws one error listing every way the plugin breaks the contract the loader checks: its shape,
 * defaults that do not pass the schema, fields without titles, migrations that do not round-trip,
 * a summary that throws or is empty. A plugin that passes here loads.
 */
export function checkPlugin(plugin: AnyNodePlugin): void {
  const problems = pluginProblems(plugin, 'checkPlugin');
  if (problems.length === 0) return;
  const name = typeof plugin?.type === 'string' ? `the plugin "${plugin.type}"` : 'the plugin';
  throw new Error(`${name} does not load:\n${problems.map((p) => `- ${p}`).join('\n')}`);
}

/** A plugin the loader would refuse never runs in the worker, so it does not run here either. */
function runnablePlugin(plugin: AnyNodePlugin): RunnablePlugin {
  checkPlugin(plugin);
  if (plugin.kind === 'trigger')
    throw new Error(`runPluginNode: "${plugin.type}" is a trigger; it has no code to run (a flow starts when a "${plugin.event}" event arrives)`);
  return plugin;
}

/** Only what the plugin declares, as the worker gives it; a declared one missing would keep the plugin from loading. */
function declaredSecrets(plugin: RunnablePlugin, given: Record<string, string>): Record<string, string> {
  const declared = plugin.secrets ?? [];
  const missing = declared.filter((name) => given[name] === undefined);
  if (missing.length > 0)
    throw new Error(`runPluginNode: "${plugin.type}" declares the secret${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; pass ${missing.length > 1 ? 'them' : 'it'} in \`secrets\``);
  return Object.fromEntries(declared.map((name) => [name, given[name] as string]));
}

function runContext(options: RunPluginNodeOptions): RunContext {
  const event = options.event === undefined ? undefined : parse(flowEventSchema, options.event, 'event');
  const trigger = options.trigger === undefined ? event : parse(flowEventSchema, options.trigger, 'trigger');
  const order = options.order === undefined ? (event?.order ?? trigger?.order) : parse(orderSchema, options.order, 'order');
  return {
    flow: { id: TEST_RUN.flowId, name: 'Plugin test' },
    runId: TEST_RUN.runId,
    contact: parse(contactSchema, options.contact ?? sampleContact, 'contact'),
    ...(order ? { order } : {}),
    ...(event ? { event } : {}),
    ...(trigger ? { trigger } : {}),
    codes: {},
    ...(options.test ? { test: true } : {}),
  };
}

function parse<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(whole)'}: ${i.message}`);
  throw new Error(`runPluginNode: the sample ${name} is not valid: ${issues.join('; ')}`);
}
