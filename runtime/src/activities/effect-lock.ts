import type postgres from 'postgres';
import type { Sql, Tx } from '../db/client';

/** One pool connection, held for the caller alone (postgres.js `sql.reserve()`). */
export type PinnedSql = postgres.ReservedSql;

const lockName = (key: string) => `effect:${key}`;

/** Inside a transaction: waits until no other attempt of this effect runs; released at commit or rollback. */
export async function lockEffectInTransaction(tx: Tx, key: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${lockName(key)}, 0))`;
}

export interface EffectLockOptions {
  /** How long to wait for another attempt of the same effect before giving up (a retryable error). */
  waitMs?: number;
  signal?: AbortSignal;
}

export class EffectBusyError extends Error {}

/**
 * Runs `fn` on a pinned connection that holds the effect's session lock throughout, even while a
 * provider is being called; every statement of `fn` must go through that connection. A worker that
 * dies loses its connection and Postgres frees the lock with it, so "locked" always means "an
 * attempt is alive and working on it". Waiters poll with pg_try_advisory_lock instead of blocking,
 * so they hold no pool connection while they wait.
 */
export async function withEffectLock<T>(sql: Sql, key: string, fn: (db: PinnedSql) => Promise<T>, options: EffectLockOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
    const db = await sql.reserve();
    let locked = false;
    try {
      const [row] = await db<{ locked: boolean }[]>`select pg_try_advisory_lock(hashtextextended(${lockName(key)}, 0)) as locked`;
      locked = row?.locked === true;
      if (locked) return await fn(db);
    } finally {
      // If the unlock fails the connection is broken, and the server drops the lock with the session.
      if (locked) await db`select pg_advisory_unlock(hashtextextended(${lockName(key)}, 0))`.catch(() => undefined);
      db.release();
    }
    options.signal?.throwIfAborted();
    if (Date.now() > deadline) throw new EffectBusyError(`another attempt of effect ${key} is still running`);
    // Jitter: waiters that started together would otherwise keep colliding.
    await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
  }
}

/** A transaction on a pinned connection (postgres.js offers `begin` on the pool only). */
export async function pinnedTransaction<T>(db: PinnedSql, fn: (tx: PinnedSql) => Promise<T>): Promise<T> {
  await db`begin`;
  try {
    const result = await fn(db);
    await db`commit`;
    return result;
  } catch (error) {
    await db`rollback`.catch(() => undefined);
    throw error;
  }
}
