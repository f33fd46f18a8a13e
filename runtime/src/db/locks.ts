import type { Tx } from './client';

/**
 * Takes transaction-scoped advisory locks on string keys ("contact:email:ann@example.com"), all
 * in one statement and in one global order, so that two transactions locking overlapping keys
 * queue up instead of deadlocking. Released at commit or rollback.
 */
export async function lockKeys(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx`
    select pg_advisory_xact_lock(h)
    from (select distinct hashtextextended(k, 0) as h from unnest(${keys}::text[]) as k order by 1) as ordered`;
}
