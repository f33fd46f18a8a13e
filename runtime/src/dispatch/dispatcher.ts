import { TASK_QUEUE } from '@nudgeflow/workflows/contract';
import type { Client } from '@temporalio/client';
import { claimOutbox, markDispatched, markFailed, type OutboxItem, type Sql } from '../db';
import { dispatchClaim, type DispatchContext } from './dispatch-claim';
import { errorText, isOutage, shouldGiveUp } from './dispatch-failure';
import { FlowCatalog, type Log } from './flow-catalog';

export interface DispatcherOptions {
  sql: Sql;
  client: Client;
  taskQueue?: string;
  /** How often to look for events when nobody calls wake() (default 500 ms). */
  pollMs?: number;
  /** Events claimed per round (default 100). */
  batch?: number;
  /** Events of different contacts routed at the same time (default 64): their Temporal calls mostly wait on the server. */
  concurrency?: number;
  /** How long one event's Temporal calls may take before it counts as unreachable (default 10 s). */
  temporalTimeoutMs?: number;
  log?: Log;
}

export interface Dispatcher {
  /** Drain now (the API calls it after accepting events) instead of at the next poll. */
  wake(): void;
  /** Stops polling and waits for the drain in progress. */
  stop(): Promise<void>;
  /** Drains until nothing is due; resolves to how many events were dispatched. */
  drainOnce(): Promise<number>;
}

/**
 * A claimed event is leased for this long. It must outlast routing one event (Temporal calls are
 * cut off at temporalTimeoutMs); a dispatcher that dies leaves its events to others after it.
 */
const LEASE_SECONDS = 60;

/**
 * Routes stored events to flows (dispatchClaim), from the outbox, a claim at a time. Several
 * dispatchers (one per API instance) may run against one database: claims are disjoint, one
 * contact's events go out in order, and everything dispatchClaim does is idempotent, so a lease
 * that runs out mid-claim costs a repeat, never a second run. A failed event stays in the outbox and is retried with
 * backoff; while Temporal is unreachable, for as long as it takes.
 */
export function startDispatcher(options: DispatcherOptions): Dispatcher {
  const { sql, client } = options;
  const log: Log = options.log ?? ((line) => console.log(`[dispatcher] ${line}`));
  const pollMs = options.pollMs ?? 500;
  const batch = options.batch ?? 100;
  const concurrency = options.concurrency ?? 64;
  const timeoutMs = options.temporalTimeoutMs ?? 10_000;
  const catalog = new FlowCatalog(sql, log);
  const context: DispatchContext = { sql, client, taskQueue: options.taskQueue ?? TASK_QUEUE, log, now: () => new Date(), concurrency, temporalTimeoutMs: timeoutMs };

  async function recordFailure(item: OutboxItem, error: unknown): Promise<void> {
    const giveUp = shouldGiveUp(item.attempts, error);
    if (giveUp) log(`gave up on event ${item.eventId} after ${item.attempts} attempts: ${errorText(error)}`);
    // Should this fail too (the database is down), the lease runs out and the event is claimed again.
    await markFailed(sql, item.id, errorText(error), { giveUp }).catch((e: unknown) => log(`could not record the failure of event ${item.eventId}: ${errorText(e)}`));
  }

  /** One claim: returns how many events were claimed and how many of them dispatched. */
  async function drainBatch(): Promise<{ claimed: number; dispatched: number }> {
    const items = await claimOutbox(sql, { limit: batch, leaseSeconds: LEASE_SECONDS });
    if (items.length === 0) return { claimed: 0, dispatched: 0 };
    let failures: Map<number, unknown>;
    try {
      failures = await dispatchClaim(context, catalog, items);
    } catch (error) {
      // The database failed for the claim as a whole: every event of it waits for its retry.
      failures = new Map(items.map((item) => [item.id, error]));
    }
    const done = items.filter((item) => !failures.has(item.id));
    try {
      await markDispatched(sql, done.map((item) => item.id));
    } catch (error) {
      // Their lease runs out and they are claimed again; dispatching them again changes nothing.
      log(`could not mark ${done.length} events dispatched: ${errorText(error)}`);
      return { claimed: items.length, dispatched: 0 };
    }
    for (const item of items) if (failures.has(item.id)) await recordFailure(item, failures.get(item.id));
    // One line per round, not per event: an outage fails every event in it the same way.
    const [first] = failures.values();
    if (failures.size > 0) {
      const cause = isOutage(first) ? 'Temporal or the database is unreachable' : 'dispatch failed';
      log(`${failures.size} of ${items.length} events not dispatched (${cause}: ${errorText(first)}); they are retried with backoff`);
    }
    return { claimed: items.length, dispatched: done.length };
  }

  let stopped = false;
  let lock: Promise<unknown> = Promise.resolve();
  /** Drains never overlap within one dispatcher (other dispatchers are kept apart by the claims). */
  function drainOnce(): Promise<number> {
    const drain = lock.then(async () => {
      let total = 0;
      for (;;) {
        const { claimed, dispatched } = await drainBatch();
        total += dispatched;
        if (claimed === 0 || stopped) return total;
      }
    });
    lock = drain.catch(() => undefined);
    return drain;
  }

  let timer: NodeJS.Timeout | undefined;
  let looping: Promise<void> | undefined;
  let rerun = false;
  /** Drains now, or right after the drain in progress: many wake() calls make one more drain. */
  function kick(): void {
    if (stopped) return;
    if (looping) {
      rerun = true;
      return;
    }
    clearTimeout(timer);
    looping = (async () => {
      do {
        rerun = false;
        await drainOnce().catch((error: unknown) => log(`could not read the outbox: ${errorText(error)}`));
      } while (rerun && !stopped);
    })().finally(() => {
      looping = undefined;
      if (!stopped) timer = setTimeout(kick, pollMs).unref();
    });
  }
  kick();

  return {
    wake: kick,
    drainOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await looping;
      await lock;
    },
  };
}
