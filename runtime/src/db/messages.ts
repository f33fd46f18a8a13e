import type { Message, MessageChannel, MessageStatus } from '@nudgeflow/shared/api';
import { compact, iso, type Db } from './client';
import { newId } from './ids';
import { beforePosition, pageOf, positionTime, type ListPage, type ListPosition } from './list-position';

export type { MessageChannel, MessageStatus };

/** A message as stored is the API's Message (@nudgeflow/shared/api says what each field means). */
export type MessageRecord = Message;

export type NewMessage = Omit<MessageRecord, 'id' | 'createdAt' | 'test'> & { id?: string; test?: boolean };

interface MessageRow {
  id: string;
  idempotency_key: string;
  run_id: string | null;
  flow_id: string | null;
  node_id: string | null;
  contact_id: string;
  channel: MessageChannel;
  marketing: boolean;
  to_address: string | null;
  subject: string | null;
  body: string | null;
  status: MessageStatus;
  reason: string | null;
  provider: string | null;
  provider_id: string | null;
  test: boolean;
  created_at: Date;
  sent_at: Date | null;
}

const toMessage = (r: MessageRow): MessageRecord =>
  compact({
    id: r.id,
    idempotencyKey: r.idempotency_key,
    runId: r.run_id,
    flowId: r.flow_id,
    nodeId: r.node_id,
    contactId: r.contact_id,
    channel: r.channel,
    marketing: r.marketing,
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    status: r.status,
    reason: r.reason,
    provider: r.provider,
    providerId: r.provider_id,
    test: r.test,
    createdAt: iso(r.created_at),
    sentAt: iso(r.sent_at),
  });

/**
 * Records a message. Idempotent on its key: when a message with the key exists, nothing is written
 * and the existing one comes back with inserted false (the activity must then not send again).
 */
export async function insertMessage(db: Db, message: NewMessage): Promise<{ message: MessageRecord; inserted: boolean }> {
  const [inserted] = await db<MessageRow[]>`
    insert into messages ${db({
      id: message.id ?? newId('msg'),
      idempotency_key: message.idempotencyKey,
      run_id: message.runId ?? null,
      flow_id: message.flowId ?? null,
      node_id: message.nodeId ?? null,
      contact_id: message.contactId,
      channel: message.channel,
      marketing: message.marketing,
      to_address: message.to ?? null,
      subject: message.subject ?? null,
      body: message.body ?? null,
      status: message.status,
      reason: message.reason ?? null,
      provider: message.provider ?? null,
      provider_id: message.providerId ?? null,
      test: message.test ?? false,
      sent_at: message.sentAt ?? null,
    })}
    on conflict (idempotency_key) do nothing
    returning *`;
  if (inserted) return { message: toMessage(inserted), inserted: true };
  const [existing] = await db<MessageRow[]>`select * from messages where idempotency_key = ${message.idempotencyKey}`;
  if (!existing) throw new Error(`message ${message.idempotencyKey} could not be stored nor found`);
  return { message: toMessage(existing), inserted: false };
}

/** After the provider answered (or a delivery report came in). Undefined when there is no such message. */
export async function updateMessageStatus(
  db: Db,
  id: string,
  update: { status: MessageStatus; reason?: string; provider?: string; providerId?: string; sentAt?: string },
): Promise<MessageRecord | undefined> {
  const [row] = await db<MessageRow[]>`
    update messages set
      status = ${update.status},
      reason = coalesce(${update.reason ?? null}, reason),
      provider = coalesce(${update.provider ?? null}, provider),
      provider_id = coalesce(${update.providerId ?? null}, provider_id),
      sent_at = coalesce(${update.sentAt ?? null}::timestamptz, sent_at)
    where id = ${id}
    returning *`;
  return row ? toMessage(row) : undefined;
}

/** What a provider reported about a message it accepted: it reached the phone or inbox, or it never will. */
export type DeliveryReport = { status: 'delivered' } | { status: 'bounced'; reason: string };

/**
 * Records a delivery report for the message the provider knows by `providerId`. Reports only move
 * a message forward (they may arrive out of order): a sent message becomes delivered or bounced, a
 * bounced one can still turn out delivered, and a delivered one stays so. Undefined when no
 * message of that provider has the id, or the report would move it back.
 */
export async function recordDeliveryReport(db: Db, provider: string, providerId: string, report: DeliveryReport): Promise<MessageRecord | undefined> {
  const from: MessageStatus[] = report.status === 'delivered' ? ['sent', 'bounced'] : ['sent'];
  const [row] = await db<MessageRow[]>`
    update messages set status = ${report.status}, reason = ${report.status === 'bounced' ? report.reason : null}
    where provider = ${provider} and provider_id = ${providerId} and status in ${db(from)}
    returning *`;
  return row ? toMessage(row) : undefined;
}

export async function getMessage(db: Db, id: string): Promise<MessageRecord | undefined> {
  const [row] = await db<MessageRow[]>`select * from messages where id = ${id}`;
  return row ? toMessage(row) : undefined;
}

/** The message of an effect, by its idempotency key (what links in an email name it by). */
export async function getMessageByKey(db: Db, idempotencyKey: string): Promise<MessageRecord | undefined> {
  const [row] = await db<MessageRow[]>`select * from messages where idempotency_key = ${idempotencyKey}`;
  return row ? toMessage(row) : undefined;
}

/** Where the message of an effect stands: what a retried attempt needs to know. */
export interface MessageState {
  id: string;
  channel: MessageChannel;
  status: MessageStatus;
  reason?: string;
}

/** The state of the message with this idempotency key, if it was recorded before. */
export async function messageStateByKey(db: Db, idempotencyKey: string): Promise<MessageState | undefined> {
  const [row] = await db<Pick<MessageRow, 'id' | 'channel' | 'status' | 'reason'>[]>`
    select id, channel, status, reason from messages where idempotency_key = ${idempotencyKey}`;
  return row ? compact({ id: row.id, channel: row.channel, status: row.status, reason: row.reason }) : undefined;
}

/**
 * Takes over a message whose previous attempt failed before the provider accepted it: back to
 * queued, with the old failure reason cleared (updateMessageStatus can only overwrite a reason).
 * A message in any other status is left as it is.
 */
export async function requeueFailedMessage(db: Db, id: string): Promise<void> {
  await db`update messages set status = 'queued', reason = null where id = ${id} and status = 'failed'`;
}

export interface MessageFilter {
  flowId?: string;
  contactId?: string;
  runId?: string;
  channel?: MessageChannel;
  status?: MessageStatus;
  limit?: number;
  /** Paging: messages created before this position (the previous page's `next`). */
  before?: ListPosition;
}

/** Messages newest first, and where the next page starts. */
export async function listMessages(db: Db, filter: MessageFilter = {}): Promise<ListPage<MessageRecord>> {
  const limit = filter.limit ?? 50;
  const rows = await db<(MessageRow & { position_at: string })[]>`
    select *, ${positionTime(db, 'created_at')} from messages
    where true
      ${filter.flowId !== undefined ? db`and flow_id = ${filter.flowId}` : db``}
      ${filter.contactId !== undefined ? db`and contact_id = ${filter.contactId}` : db``}
      ${filter.runId !== undefined ? db`and run_id = ${filter.runId}` : db``}
      ${filter.channel !== undefined ? db`and channel = ${filter.channel}` : db``}
      ${filter.status !== undefined ? db`and status = ${filter.status}` : db``}
      ${beforePosition(db, 'created_at', filter.before)}
    order by created_at desc, id desc
    limit ${limit + 1}`;
  return pageOf(rows, limit, toMessage);
}

/**
 * The frequency cap's answer (CapAnswer.sentAt): when the contact got real marketing messages
 * from `since` up to `now` (the run's time, which may lag the clock), any flow, oldest first.
 * Queued ones count: they are about to go out.
 */
export async function recentMarketingSends(db: Db, contactId: string, since: Date, now: Date): Promise<string[]> {
  const rows = await db<{ at: Date }[]>`
    select coalesce(sent_at, created_at) as at from messages
    where contact_id = ${contactId} and marketing and not test
      and status in ('queued', 'sent', 'delivered')
      and coalesce(sent_at, created_at) between ${since} and ${now}
    order by 1`;
  return rows.map((r) => iso(r.at));
}

/**
 * How many real marketing messages the contact got or is about to get (queued) since `since`, any
 * flow: the frequency cap's check where a message is recorded. No upper bound, unlike
 * recentMarketingSends: a row another worker queued a moment "after" this clock still counts.
 */
export async function countMarketingSends(db: Db, contactId: string, since: Date): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from messages
    where contact_id = ${contactId} and marketing and not test
      and status in ('queued', 'sent', 'delivered')
      and coalesce(sent_at, created_at) >= ${since}`;
  return row?.n ?? 0;
}
