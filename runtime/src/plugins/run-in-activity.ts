import type { RunContext } from '@nudgeflow/shared/nodes';
import type { RunRef } from '@nudgeflow/workflows/contract';
import { asyncLocalStorage, log as activityLog } from '@temporalio/activity';
import type { AttemptInfo } from '../activities/activity-context';
import { invalidInput } from '../activities/errors';
import { invokePlugin, type Invocation, type RunnablePlugin } from './invoke';
import type { LoadedPlugin } from './loaded-plugins';

const DEFAULT_MAX_ATTEMPTS = 5;

export interface PluginCall {
  run: RunRef;
  /** The node's config as the run carries it, at `configVersion` of the plugin. */
  config: Record<string, unknown>;
  configVersion: number;
  context: RunContext;
  nodeId: string;
  idempotencyKey: string;
  now: Date;
  attempt: AttemptInfo;
}

/** The plugin's executable half, or undefined for a trigger (which has none). */
export function runnable(loaded: LoadedPlugin | undefined): (LoadedPlugin & { plugin: RunnablePlugin }) | undefined {
  return loaded && loaded.plugin.kind !== 'trigger' ? (loaded as LoadedPlugin & { plugin: RunnablePlugin }) : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// By name too: a plugin package with its own copy of @nudgeflow/shared throws its own class.
function isInputError(error: unknown): boolean {
  return error instanceof Error && error.name === 'PluginInputError';
}

/** The plugin's log lines: Temporal's activity logger (with workflow and activity ids) inside an activity, stdout elsewhere. */
function pluginLog(type: string, call: PluginCall): (message: string, fields?: Record<string, unknown>) => void {
  const where = { plugin: type, nodeId: call.nodeId, runId: call.run.runId };
  return (message, fields) => {
    if (asyncLocalStorage.getStore()) activityLog.info(message, { ...fields, ...where });
    else console.log(`[plugin ${type}] ${message}`, { ...fields, ...where });
  };
}

/**
 * One attempt at a plugin's execute or evaluate inside an activity. Bad input (PluginInputError)
 * fails the node at once; any other error is thrown for Temporal to retry, until the plugin's
 * maxAttempts (default 5), after which the node fails with the last error.
 */
export async function runPluginAttempt(loaded: LoadedPlugin & { plugin: RunnablePlugin }, call: PluginCall): Promise<Invocation> {
  const { plugin } = loaded;
  // Secrets are read when the worker starts: no retry of this attempt can bring a missing one.
  const missing = (plugin.secrets ?? []).filter((name) => !(name in loaded.secrets));
  if (missing.length)
    throw invalidInput(
      `${plugin.title} (${plugin.type}) at node "${call.nodeId}" needs the environment variable${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, ` +
        'which this worker does not have: set it and restart the worker',
    );
  try {
    return await invokePlugin(plugin, {
      config: call.config,
      configVersion: call.configVersion,
      context: call.context,
      nodeId: call.nodeId,
      idempotencyKey: call.idempotencyKey,
      secrets: loaded.secrets,
      now: call.now,
      log: pluginLog(plugin.type, call),
      ...(call.attempt.signal ? { signal: call.attempt.signal } : {}),
    });
  } catch (error) {
    // Temporal cancelled the activity: not the plugin's failure.
    if (call.attempt.signal?.aborted) throw error;
    if (isInputError(error)) throw invalidInput(messageOf(error));
    const maxAttempts = plugin.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (call.attempt.attempt >= maxAttempts) {
      const tries = call.attempt.attempt === 1 ? '1 attempt' : `${call.attempt.attempt} attempts`;
      throw invalidInput(`${plugin.title} (${plugin.type}) at node "${call.nodeId}" gave up after ${tries}: ${messageOf(error)}`);
    }
    throw error;
  }
}
