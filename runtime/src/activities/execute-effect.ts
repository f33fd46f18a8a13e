import type { NodeRegistry } from '@nudgeflow/shared';
import type { EffectResult } from '@nudgeflow/shared/interpreter';
import type { EffectCommand, FlowActivities, RunRef } from '@nudgeflow/workflows/contract';
import type { MessagingSettings } from '../channels/settings';
import type { Channels } from '../channels/types';
import { inTransaction, type Sql } from '../db/client';
import { findEffect, saveEffect } from '../db/effects';
import { testRunChannels } from '../test-runs/deliver-to';
import { currentAttempt, type ActivityLog } from './activity-context';
import { lockEffectInTransaction, withEffectLock } from './effect-lock';
import { classifyDatabaseError, invalidInput } from './errors';
import type { ExecutorDeps, ExecutorRegistry } from './executor-registry';

/*
 * Exactly once per idempotency key (workflow id + node id + visit):
 * - A key whose result is in the effects table is answered from there: nothing runs again.
 * - Otherwise one attempt at a time works on the key (an advisory lock on it), and looks at the
 *   effects table again once it holds the lock, so a concurrent or late attempt sees the first
 *   one's result instead of acting.
 * - Database-only effects (tag, update contact, assign code) run in the same transaction that
 *   saves their result: both happen or neither does.
 * - Effects that leave the machine record their message before calling out; deliver-message.ts
 *   explains how a later attempt tells "sent" from "may have been sent".
 */

export interface EffectDeps {
  sql: Sql;
  channels: Channels;
  /** Test runs use these instead of `channels` (or the real ones to the admin's own address): nothing reaches a customer. */
  testChannels: Channels;
  messaging: MessagingSettings;
  executors: ExecutorRegistry;
  nodes: NodeRegistry;
  now(): Date;
  log: ActivityLog;
}

/** The command's config checked against its node type, as the interpreter and validator check it. */
function checkedConfig(nodes: NodeRegistry, command: EffectCommand): Record<string, unknown> {
  const def = nodes.get(command.type);
  // A type without a definition here (a plugin's executor registered alone) gets its config as it is.
  if (!def) return command.config;
  const where = `node "${command.nodeId}" (${command.type}) has an invalid config`;
  const parsed = def.configSchema.safeParse(command.config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i: { path: PropertyKey[]; message: string }) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
    throw invalidInput(`${where}: ${issues.join('; ')}`);
  }
  const problems = (def.check?.(parsed.data) ?? []).filter((p) => p.severity !== 'warning');
  if (problems.length > 0) throw invalidInput(`${where}: ${problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ')}`);
  return parsed.data as Record<string, unknown>;
}

export function createExecuteEffect(deps: EffectDeps): FlowActivities['executeEffect'] {
  return async ({ run, command }: { run: RunRef; command: EffectCommand }): Promise<EffectResult> => {
    const key = command.idempotencyKey;
    try {
      const known = await findEffect(deps.sql, key);
      if (known) return known;
      const executor = deps.executors.get(command.type);
      if (!executor) throw invalidInput(`node "${command.nodeId}" has the type "${command.type}", which this worker cannot carry out: no executor is registered for it`);
      const config = checkedConfig(deps.nodes, command);
      const attempt = currentAttempt();
      const executorDeps: ExecutorDeps = { channels: run.test ? testRunChannels(run, deps.channels, deps.testChannels) : deps.channels, messaging: deps.messaging, now: deps.now, log: deps.log };
      const effect = { key, runId: run.runId, nodeId: command.nodeId, type: command.type };
      const input = { run, command, config, deps: executorDeps, attempt };

      switch (executor.kind) {
        case 'transaction':
          return await inTransaction(deps.sql, async (tx) => {
            await lockEffectInTransaction(tx, key);
            const earlier = await findEffect(tx, key);
            if (earlier) return earlier;
            return saveEffect(tx, { ...effect, result: await executor.execute({ ...input, db: tx }) });
          });
        case 'external':
          return await withEffectLock(
            deps.sql,
            key,
            async (db) => {
              const earlier = await findEffect(db, key);
              if (earlier) return earlier;
              // Saving is first-wins: when the executor stored its result with its message row, that one comes back.
              return saveEffect(db, { ...effect, result: await executor.execute({ ...input, db }) });
            },
            { ...(attempt.signal ? { signal: attempt.signal } : {}) },
          );
        default: {
          const unknown: never = executor;
          throw new Error(`unknown executor kind ${JSON.stringify(unknown)}`);
        }
      }
    } catch (error) {
      throw classifyDatabaseError(error);
    }
  };
}
