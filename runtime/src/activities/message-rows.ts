import type { Db } from '../db/client';
import type { MessageChannel, MessageStatus } from '../db/messages';

export interface MessageState {
  id: string;
  channel: MessageChannel;
  status: MessageStatus;
  reason?: string;
}

/** Where the message of an effect stands, if it was recorded before. */
export async function messageStateByKey(db: Db, idempotencyKey: string): Promise<MessageState | undefined> {
  const [row] = await db<{ id: string; channel: MessageChannel; status: MessageStatus; reason: string | null }[]>`
    select id, channel, status, reason from messages where idempotency_key = ${idempotencyKey}`;
  if (!row) return undefined;
  return { id: row.id, channel: row.channel, status: row.status, ...(row.reason !== null ? { reason: row.reason } : {}) };
}

/**
 * Takes over a message whose previous attempt failed before the provider accepted it: back to
 * queued, with the old failure reason cleared (updateMessageStatus can only overwrite a reason).
 */
export async function requeueFailedMessage(db: Db, id: string): Promise<void> {
  await db`update messages set status = 'queued', reason = null where id = ${id} and status = 'failed'`;
}
