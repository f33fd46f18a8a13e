import { compact, iso, type Db, type MessageChannel, type MessageFilter, type MessageRecord, type MessageStatus } from '../../db';
import { CURSOR_TIME_FORMAT, toPage, type Page, type PagePosition } from '../pagination';

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
  cursor_at: string;
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
 * One page of messages, newest first. The data layer's listMessages pages by a millisecond
 * cursor, and messages stored in the same millisecond (a flow sending to many contacts at once)
 * would fall between pages; this pages by the exact time.
 */
export async function messagePage(db: Db, filter: Omit<MessageFilter, 'limit' | 'before'>, limit: number, before?: PagePosition): Promise<Page<MessageRecord>> {
  const rows = await db<MessageRow[]>`
    select *, to_char(created_at at time zone 'UTC', ${CURSOR_TIME_FORMAT}) as cursor_at from messages
    where true
      ${filter.flowId !== undefined ? db`and flow_id = ${filter.flowId}` : db``}
      ${filter.contactId !== undefined ? db`and contact_id = ${filter.contactId}` : db``}
      ${filter.runId !== undefined ? db`and run_id = ${filter.runId}` : db``}
      ${filter.channel !== undefined ? db`and channel = ${filter.channel}` : db``}
      ${filter.status !== undefined ? db`and status = ${filter.status}` : db``}
      ${before ? db`and (created_at, id) < (${before.at}::text::timestamptz, ${before.id})` : db``}
    order by created_at desc, id desc
    limit ${limit + 1}`;
  const page = await toPage(rows, limit, (row) => ({ at: row.cursor_at, id: row.id }));
  return { ...page, items: page.items.map(toMessage) };
}
