import { CONVERSION_WINDOW_DAYS, type FlowStats, type MessageCounts, type NodeStats } from '@nudgeflow/shared/api';
import { iso, type Db } from './client';

/*
 * A published flow's analytics (GET /api/flows/:id/stats; @nudgeflow/shared/api flow-stats.ts
 * defines every number). Test runs and test messages never count. Five set-wise statements that
 * read the period, not the flow's whole history: runs by runs_flow_started_idx (and those still in
 * the flow by runs_flow_status_node_idx), their steps by the run_steps key, messages by
 * messages_flow_created_idx, opens and clicks by events_message_idx (the message id in the event),
 * orders by orders_contact_created_idx. `npm run bench -- stats` times them on a big shop.
 */

export interface FlowStatsPeriod {
  /** The last N days up to the time of the answer. */
  days: number;
}

const DAY_MS = 86_400_000;

interface RunTotalsRow {
  started: number;
  active: number;
  completed: number;
  goal: number;
  exited: number;
  failed: number;
  cancelled: number;
  in_flow_now: number;
}

/** Runs started in the period by how they stand now; and every run in the flow now, whenever it started. */
const runTotals = (db: Db, flowId: string, from: Date, to: Date) => db<RunTotalsRow[]>`
  select
    count(*) filter (where in_period)::int as started,
    count(*) filter (where in_period and status <> 'done')::int as active,
    count(*) filter (where in_period and end_reason = 'completed')::int as completed,
    count(*) filter (where in_period and end_reason = 'goal')::int as goal,
    count(*) filter (where in_period and end_reason = 'exited')::int as exited,
    count(*) filter (where in_period and end_reason = 'failed')::int as failed,
    count(*) filter (where in_period and end_reason = 'cancelled')::int as cancelled,
    count(*) filter (where status <> 'done')::int as in_flow_now
  from (
    select status, end_reason, started_at between ${from} and ${to} as in_period from runs
    -- "running or waiting", not "<> 'done'": each arm of the "or" then has an index.
    where flow_id = ${flowId} and not test and (started_at between ${from} and ${to} or status in ('running', 'waiting'))
  ) r`;

interface NodeRunsRow {
  node_id: string;
  reached: number;
  waiting_now: number;
  outcomes: Record<string, number>;
}

/** Per node: runs of the period that got there, their steps by outcome, and runs waiting there now. */
const nodeRuns = (db: Db, flowId: string, from: Date, to: Date) => db<NodeRunsRow[]>`
  with steps as (
    -- Each run's steps from one look-up of the run_steps key, as two arrays in the same order. A
    -- step is the run's first at its node where the node's first place in the run is its own:
    -- counting those counts the runs that got there without a count(distinct run_id), which sorts
    -- every step of the period.
    select v.node_id, v.outcome, array_position(s.nodes, v.node_id) = v.i as first_at_node
    from runs r
    cross join lateral (select array_agg(node_id) as nodes, array_agg(outcome) as outcomes from run_steps where run_id = r.id) s
    cross join unnest(s.nodes, s.outcomes) with ordinality as v(node_id, outcome, i)
    where r.flow_id = ${flowId} and not r.test and r.started_at between ${from} and ${to}
  ),
  by_outcome as (
    select node_id, outcome, count(*) filter (where first_at_node) as runs, count(*)::int as n from steps group by node_id, outcome
  ),
  reached as (
    select node_id, sum(runs)::int as reached,
      -- "waiting" and "delayed" are steps on the way to an outcome, not outcomes.
      jsonb_object_agg(outcome, n) filter (where outcome not in ('waiting', 'delayed')) as outcomes
    from by_outcome group by node_id
  ),
  waiting as (
    select node_id, count(*)::int as waiting_now from runs
    where flow_id = ${flowId} and not test and status = 'waiting' and node_id is not null
    group by node_id
  )
  select node_id, coalesce(reached, 0) as reached, coalesce(waiting_now, 0) as waiting_now, coalesce(outcomes, '{}') as outcomes
  from reached full join waiting using (node_id)`;

type MessageCountsRow = { [K in keyof MessageCounts]: number } & { node_id: string | null; total: boolean };

/**
 * The period's messages by status, each once: per node, and (total) for the whole flow. Opened
 * and clicked come from the email.opened / email.clicked events naming the message: a person's
 * click means the email was opened even when its images never loaded; machines' do not count.
 */
const messageCounts = (db: Db, flowId: string, from: Date, to: Date) => db<MessageCountsRow[]>`
  with m as (
    select m.node_id, m.status, e.opened, e.clicked
    from messages m
    -- One look-up per message (events_message_idx) answers both.
    cross join lateral (
      select count(*) > 0 as opened, coalesce(bool_or(e.type = 'email.clicked'), false) as clicked
      from events e
      where e.data -> 'data' ->> 'messageId' = m.id and e.contact_id = m.contact_id and e.type in ('email.opened', 'email.clicked')
        and (e.data -> 'data' -> 'machine') is distinct from 'true'::jsonb
    ) e
    where m.flow_id = ${flowId} and not m.test and m.created_at between ${from} and ${to}
  )
  select node_id, grouping(node_id) = 1 as total,
    count(*) filter (where status = 'queued')::int as queued,
    count(*) filter (where status in ('sent', 'delivered'))::int as sent,
    count(*) filter (where status = 'delivered')::int as delivered,
    count(*) filter (where status = 'failed')::int as failed,
    count(*) filter (where status = 'bounced')::int as bounced,
    count(*) filter (where status = 'skipped')::int as skipped,
    count(*) filter (where opened)::int as opened,
    count(*) filter (where clicked)::int as clicked
  from m
  group by grouping sets ((node_id), ())`;

interface ConversionRow {
  currency: string | null;
  total: boolean;
  orders: number;
  revenue: number | null;
}

/**
 * Orders placed within the window after an email or SMS of the period reached the contact (sent
 * or delivered), each order once however many messages preceded it; cancelled ones are no
 * purchase. Webhook calls and staff alerts go to the shop and the team, not the contact.
 */
const conversions = (db: Db, flowId: string, from: Date, to: Date) => db<ConversionRow[]>`
  with converted as (
    select distinct o.id, o.currency, o.total
    from messages m
    join orders o on o.contact_id = m.contact_id
      and o.created_at > m.sent_at and o.created_at <= m.sent_at + make_interval(days => ${CONVERSION_WINDOW_DAYS})
      and o.created_at <= ${to} and o.cancelled_at is null
    where m.flow_id = ${flowId} and not m.test and m.created_at between ${from} and ${to}
      and m.status in ('sent', 'delivered') and m.channel in ('email', 'sms')
  )
  select currency, grouping(currency) = 1 as total, count(*)::int as orders, sum(total) as revenue
  from converted
  group by grouping sets ((currency), ())
  order by currency`;

const noMessages: MessageCounts = { queued: 0, sent: 0, delivered: 0, failed: 0, bounced: 0, skipped: 0, opened: 0, clicked: 0 };

const toCounts = ({ queued, sent, delivered, failed, bounced, skipped, opened, clicked }: MessageCountsRow): MessageCounts => ({
  queued,
  sent,
  delivered,
  failed,
  bounced,
  skipped,
  opened,
  clicked,
});

/** Nodes in the draft's order; nodes no longer in it (removed since) after them, by id. */
function inGraphOrder(nodes: NodeStats[], graphOrder: string[]): NodeStats[] {
  const position = new Map(graphOrder.map((id, i) => [id, i]));
  const rank = (id: string) => position.get(id) ?? graphOrder.length;
  return [...nodes].sort((a, b) => rank(a.nodeId) - rank(b.nodeId) || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
}

/** The flow's stats for the last `days` days; undefined when there is no such flow or it was deleted. */
export async function flowStats(db: Db, flowId: string, period: FlowStatsPeriod): Promise<FlowStats | undefined> {
  const to = new Date();
  const from = new Date(to.getTime() - period.days * DAY_MS);
  const [flow] = await db<{ node_ids: string[] }[]>`
    select coalesce(array(select n ->> 'id' from jsonb_array_elements(draft -> 'nodes') with ordinality as t(n, i) order by i), '{}') as node_ids
    from flows where id = ${flowId} and deleted_at is null`;
  if (!flow) return undefined;
  const [[runs], nodeRows, messageRows, conversionRows] = await Promise.all([
    runTotals(db, flowId, from, to),
    nodeRuns(db, flowId, from, to),
    messageCounts(db, flowId, from, to),
    conversions(db, flowId, from, to),
  ]);
  if (!runs) throw new Error('the run totals query returned no row');

  const byNode = new Map<string, NodeStats>(nodeRows.map((r) => [r.node_id, { nodeId: r.node_id, reached: r.reached, waitingNow: r.waiting_now, outcomes: r.outcomes }]));
  for (const row of messageRows) {
    // A message recorded without its node counts for the whole flow only.
    if (row.total || row.node_id === null) continue;
    const node = byNode.get(row.node_id) ?? { nodeId: row.node_id, reached: 0, waitingNow: 0, outcomes: {} };
    byNode.set(row.node_id, { ...node, messages: toCounts(row) });
  }
  const flowMessages = messageRows.find((r) => r.total);
  const ordersRow = conversionRows.find((r) => r.total);
  const { in_flow_now: inFlowNow, ...runCounts } = runs;

  return {
    flowId,
    days: period.days,
    from: iso(from),
    to: iso(to),
    runs: runCounts,
    inFlowNow,
    messages: flowMessages ? toCounts(flowMessages) : noMessages,
    conversions: {
      windowDays: CONVERSION_WINDOW_DAYS,
      orders: ordersRow?.orders ?? 0,
      // An order without a currency (or a total) cannot be added to any sum: it counts as an order only.
      revenue: conversionRows.filter((r) => !r.total && r.currency !== null && r.revenue !== null).map((r) => ({ currency: r.currency as string, total: r.revenue as number })),
    },
    nodes: inGraphOrder([...byNode.values()], flow.node_ids),
  };
}
