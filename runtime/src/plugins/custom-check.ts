import type { FactAnswer, FactQuery, RunContext } from '@nudgeflow/shared/nodes';
import type { RunRef } from '@nudgeflow/workflows/contract';
import { currentAttempt } from '../activities/activity-context';
import { invalidInput } from '../activities/errors';
import type { LoadedPlugins } from './loaded-plugins';
import { runnable, runPluginAttempt } from './run-in-activity';

type CustomQuery = Extract<FactQuery, { type: 'custom' }>;

export interface CustomCheckInput {
  run: RunRef;
  query: CustomQuery;
  /** The run's (flow) time. */
  now: Date;
  /** The node asking; absent only in lookups of runs from before custom node types. */
  nodeId?: string;
  visit?: number;
}

/** What evaluate() sees of the run: the query's contact, order and events under the run's ids. */
function runContext(run: RunRef, query: CustomQuery): RunContext {
  const { context } = query;
  return {
    flow: { id: run.flowId, name: '', version: run.flowVersion },
    runId: run.runId,
    contact: context.contact,
    ...(context.order ? { order: context.order } : {}),
    ...(context.event ? { event: context.event } : {}),
    ...(context.trigger ? { trigger: context.trigger } : {}),
    codes: {},
    ...(context.test || run.test ? { test: true } : {}),
  };
}

/** A plugin condition's answer: its evaluate() run with the config migrated from the version the run carries. */
export async function runCustomCheck(plugins: LoadedPlugins, input: CustomCheckInput): Promise<FactAnswer> {
  const { run, query } = input;
  const nodeId = input.nodeId ?? query.nodeType;
  const loaded = runnable(plugins.get(query.nodeType));
  if (!loaded || loaded.plugin.kind !== 'condition')
    throw invalidInput(
      `node "${nodeId}" checks "${query.nodeType}", a custom condition this worker has not loaded: ` +
        'add its plugin to the worker (NUDGEFLOW_PLUGINS_DIR or NUDGEFLOW_PLUGINS) and restart it',
    );
  const result = await runPluginAttempt(loaded, {
    run,
    config: query.config,
    configVersion: query.configVersion,
    context: runContext(run, query),
    nodeId,
    // The effects' key shape (run, node, visit): a retry of the same check passes the same key.
    idempotencyKey: `${run.runId}:${nodeId}:${input.visit ?? 1}`,
    now: input.now,
    attempt: currentAttempt(),
  });
  return { matched: result.matched ?? result.output === 'yes', output: result.output, ...(result.detail !== undefined ? { detail: result.detail } : {}) };
}
