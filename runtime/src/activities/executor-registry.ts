import type { EffectResult } from '@nudgeflow/shared/interpreter';
import type { EffectCommand, RunRef } from '@nudgeflow/workflows/contract';
import type { MessagingSettings } from '../channels/settings';
import type { Channels } from '../channels/types';
import type { Tx } from '../db/client';
import type { ActivityLog, AttemptInfo } from './activity-context';
import type { PinnedSql } from './effect-lock';

export interface ExecutorDeps {
  /** The channels for this run: the outbox for test runs, whatever the worker was given otherwise. */
  channels: Channels;
  messaging: MessagingSettings;
  now(): Date;
  log: ActivityLog;
}

export interface ExecutorInput<C, D> {
  run: RunRef;
  command: EffectCommand;
  /** The command's config, already checked against the node type's schema. */
  config: C;
  db: D;
  deps: ExecutorDeps;
  /** Which of Temporal's attempts this is (a webhook gives up on its last one). */
  attempt: AttemptInfo;
}

/**
 * How one node type's effect is carried out in the worker.
 * - 'transaction': it only changes Postgres. It runs inside one transaction together with the
 *   effects row, so it happens exactly once however often the activity is retried.
 * - 'external': it reaches outside (a provider, an HTTP endpoint), which no transaction covers.
 *   It gets a connection that holds the effect's lock, records what it is about to do before
 *   doing it, and stores its result itself (see deliver-message.ts).
 */
export type EffectExecutor<C = Record<string, unknown>> =
  | { type: string; kind: 'transaction'; execute(input: ExecutorInput<C, Tx>): Promise<EffectResult> }
  | { type: string; kind: 'external'; execute(input: ExecutorInput<C, PinnedSql>): Promise<EffectResult> };

// Registries hold executors of many config types; `any` keeps their callbacks assignable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEffectExecutor = EffectExecutor<any>;

/** Identity, for inference: the config type is declared once, on the executor. */
export function defineExecutor<C>(executor: EffectExecutor<C>): EffectExecutor<C> {
  return executor;
}

export class ExecutorRegistryError extends Error {}

/** Effect executors by node type. Custom node types add theirs with `extend`. */
export class ExecutorRegistry {
  readonly #executors = new Map<string, AnyEffectExecutor>();

  constructor(executors: Iterable<AnyEffectExecutor> = []) {
    for (const executor of executors) {
      if (this.#executors.has(executor.type)) throw new ExecutorRegistryError(`an executor for node type "${executor.type}" is registered twice`);
      this.#executors.set(executor.type, executor);
    }
  }

  get(type: string): AnyEffectExecutor | undefined {
    return this.#executors.get(type);
  }

  types(): string[] {
    return [...this.#executors.keys()];
  }

  /** A copy with more executors; the built-ins stay as they are. */
  extend(executors: Iterable<AnyEffectExecutor>): ExecutorRegistry {
    return new ExecutorRegistry([...this.#executors.values(), ...executors]);
  }
}
