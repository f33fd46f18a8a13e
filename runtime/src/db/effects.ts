import type { EffectResult } from '@nudgeflow/shared';
import { jsonb, type Db } from './client';

export interface EffectRecord {
  /** workflow id + node id + visit: one per effect execution, stable across activity retries. */
  key: string;
  runId: string;
  nodeId: string;
  /** The node type, e.g. "action.sendSms". */
  type: string;
  result: EffectResult;
}

/** The result an effect already produced under this key, if it ran before. */
export async function findEffect(db: Db, key: string): Promise<EffectResult | undefined> {
  const [row] = await db<{ result: EffectResult }[]>`select result from effects where idempotency_key = ${key}`;
  return row?.result;
}

/**
 * Records an effect's result. The first result for a key wins: if another attempt saved one in
 * the meantime, that one is returned and this one is dropped, so every retry reports the same.
 */
export async function saveEffect(db: Db, effect: EffectRecord): Promise<EffectResult> {
  const [inserted] = await db<{ result: EffectResult }[]>`
    insert into effects (idempotency_key, run_id, node_id, type, result)
    values (${effect.key}, ${effect.runId}, ${effect.nodeId}, ${effect.type}, ${jsonb(db, effect.result)})
    on conflict (idempotency_key) do nothing
    returning result`;
  if (inserted) return inserted.result;
  const existing = await findEffect(db, effect.key);
  if (!existing) throw new Error(`effect ${effect.key} could not be saved nor found`);
  return existing;
}
