import { builtinRegistry, type NodeRegistry } from '@nudgeflow/shared';
import type { FlowActivities } from '@nudgeflow/workflows/contract';
import { outboxChannels } from '../channels/outbox';
import type { MessagingSettings } from '../channels/settings';
import type { Channels } from '../channels/types';
import type { Sql } from '../db/client';
import type { LoadedPlugins } from '../plugins/loaded-plugins';
import { pluginExecutors } from '../plugins/plugin-executors';
import { defaultActivityLog, type ActivityLog } from './activity-context';
import { createExecuteEffect } from './execute-effect';
import type { ExecutorRegistry } from './executor-registry';
import { executorRegistry } from './executors/index';
import { createLookupFacts } from './lookup-facts';
import { createRecordProgress } from './record-progress';

export interface FlowActivityDeps {
  sql: Sql;
  /** Where real runs' messages go; test runs always use the outbox. */
  channels: Channels;
  /** Link base and secret, phone and webhook rules (channels/settings.ts). */
  messaging: MessagingSettings;
  now?: () => Date;
  log?: ActivityLog;
  /** The built-in executors (and those of `plugins`' actions) unless given. */
  executors?: ExecutorRegistry;
  /**
   * Node definitions whose config schemas check each effect's config; the built-ins unless given.
   * Not the plugins' types: a plugin's config may be at an older version, which its executor migrates.
   */
  nodes?: NodeRegistry;
  /** Custom node types this worker loaded: their actions' executors and their conditions' checks. */
  plugins?: LoadedPlugins;
}

/** The worker's activities on Postgres and the given channels: the implementation of FlowActivities. */
export function createFlowActivities(deps: FlowActivityDeps): FlowActivities {
  return {
    executeEffect: createExecuteEffect({
      sql: deps.sql,
      channels: deps.channels,
      testChannels: outboxChannels(),
      messaging: deps.messaging,
      executors: deps.executors ?? (deps.plugins ? executorRegistry.extend(pluginExecutors(deps.plugins)) : executorRegistry),
      nodes: deps.nodes ?? builtinRegistry,
      now: deps.now ?? (() => new Date()),
      log: deps.log ?? defaultActivityLog,
    }),
    lookupFacts: createLookupFacts({ sql: deps.sql, ...(deps.plugins ? { plugins: deps.plugins } : {}) }),
    recordProgress: createRecordProgress({ sql: deps.sql }),
  };
}

export { executorRegistry } from './executors/index';
export { defineExecutor, ExecutorRegistry, type AnyEffectExecutor, type EffectExecutor, type ExecutorDeps, type ExecutorInput } from './executor-registry';
export type { ActivityLog } from './activity-context';
