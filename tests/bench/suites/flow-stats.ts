import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { FlowGraph } from '@nudgeflow/shared';
import type { FlowStats } from '@nudgeflow/shared/api';
// The runtime package exports only its CLI; the bench calls the function the stats route calls.
import { createSql, type Sql } from '../../../runtime/src/db/client';
import { flowStats } from '../../../runtime/src/db/flow-stats';
import { createFlow, publishFlow } from '../../../runtime/src/db/flows';
import { migrate } from '../../../runtime/src/db/migrate';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../runtime/src/dev/embedded-postgres';
import type { BenchRow } from '../results-file';

/** The shop: contacts and orders, and per flow runs started over `days` (see seedRuns). */
const DATA = { contacts: 50_000, runsPerFlow: 200_000, days: 180, orders: 100_000, testRuns: 2_000 };
const FLOWS = { busy: 'flow_busy', other: 'flow_other' };
const PERIODS = [7, 30, 365];
const MEASURE = { warmUps: 1, runs: 5 };
const TARGET = { days: 30, ms: 500 };
/** What migration 008_flow_stats.sql adds: dropped at the end to measure the statements without it. */
const WITHOUT_008 = 'drop index runs_flow_started_idx; drop index events_message_idx; drop statistics events_message_id_stats; analyze runs; analyze events';

const log = (line: string) => console.log(`  ${line}`);
const n = (v: number) => Math.round(v).toLocaleString('en-US');

// trigger → wait 1 day → email → SMS: five steps for a run that went all the way.
const graph: FlowGraph = {
  schemaVersion: 1,
  name: 'Post-purchase follow-up',
  settings: { reentry: 'always', runPer: 'contact', exitOn: [], timezone: 'UTC' },
  nodes: [
    { id: 'trigger', type: 'trigger.event', position: { x: 0, y: 0 }, config: { event: 'order.created' } },
    { id: 'wait', type: 'wait.delay', position: { x: 0, y: 150 }, config: { amount: 1, unit: 'days' } },
    { id: 'email', type: 'action.email', position: { x: 0, y: 300 }, config: {} },
    { id: 'sms', type: 'action.sms', position: { x: 0, y: 450 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'wait' },
    { id: 'e2', source: 'wait', target: 'email' },
    { id: 'e3', source: 'email', target: 'sms' },
  ],
};

/*
 * Every row is generated set-wise from generate_series. "Random" choices are hashes of the row's
 * own id (u(key) below, uniform in [0, 1)), so that runs, their steps and their messages agree
 * with one another without a second pass, and every run of the suite generates the same data.
 */
const U = `((hashtext($key$) & 2147483647) % 100000) / 100000.0`;
const u = (key: string) => U.replace('$key$', key);

async function seedContactsAndOrders(sql: Sql): Promise<void> {
  await sql.unsafe(`
    insert into contacts (id, email, data, created_at)
    select 'c' || i, 'customer' || i || '@example.com',
      jsonb_build_object('id', 'c' || i, 'email', 'customer' || i || '@example.com', 'tags', '[]'::jsonb, 'consent', '{"email": true, "sms": true}'::jsonb),
      now() - interval '400 days'
    from generate_series(1, ${DATA.contacts}) i`);
  // Orders of any contact over the whole span, each with its order.created event.
  await sql.unsafe(`
    insert into orders (id, contact_id, number, status, total, currency, created_at, cancelled_at, counted_at, data)
    select id, contact_id, i::text, 'paid', total, currency, created_at, case when ${u("id || ':x'")} < 0.03 then created_at + interval '2 hours' end, created_at,
      jsonb_strip_nulls(jsonb_build_object('id', id, 'number', i::text, 'createdAt', created_at, 'total', total, 'currency', currency, 'items', '[]'::jsonb))
    from (
      select i, 'o' || i as id, 'c' || (1 + (hashtext('o' || i) & 2147483647) % ${DATA.contacts}) as contact_id,
        round((100 + 3000 * ${u("'o' || i || ':t'")})::numeric, 2) as total,
        case when ${u("'o' || i || ':c'")} < 0.6 then 'CZK' when ${u("'o' || i || ':c'")} < 0.95 then 'EUR' end as currency,
        now() - interval '${DATA.days} days' * ${u("'o' || i || ':d'")} as created_at
      from generate_series(1, ${DATA.orders}) i
    ) o
    order by created_at`);
  await sql.unsafe(`
    insert into events (id, type, contact_id, order_id, occurred_at, received_at, data)
    select 'created:' || id, 'order.created', contact_id, id, created_at, created_at,
      jsonb_build_object('id', 'created:' || id, 'type', 'order.created', 'occurredAt', created_at, 'contact', jsonb_build_object('id', contact_id), 'order', data)
    from orders
    order by created_at`);
}

/**
 * The flows' real history: each flow's runs started evenly over DATA.days; those of the last day
 * still wait, the rest ended (mostly completed) after five steps, with an email each (sent 85 %,
 * skipped 10 %, bounced 3 %, failed 2 %) and an SMS for half of them (delivered 80 %, sent 6 %,
 * skipped 8 %, failed 5 %, queued 1 %); people opened 55 % and clicked 20 % of the sent emails, and
 * machines (link scanners) "opened" 8 % and "clicked" 5 %. `test` runs are test runs of test
 * contacts over the last 30 days. Rows go in in time order, the flows' mixed, as a live system
 * writes them: where a flow's recent rows lie on disk matters to what reading them costs.
 */
async function seedRuns(sql: Sql, flowIds: string[], runs: number, test: boolean): Promise<void> {
  const flows = `unnest(array[${flowIds.map((id) => `'${id}'`).join(', ')}]) f(flow_id)`;
  const runId = test ? `f.flow_id || ':test:' || i` : `f.flow_id || ':' || i`;
  if (test)
    await sql.unsafe(`
      insert into contacts (id, data, test)
      select 'test-' || ${runId}, jsonb_build_object('id', 'test-' || ${runId}, 'tags', '[]'::jsonb), true
      from ${flows} cross join generate_series(1, ${runs}) i`);
  const contact = test ? `'test-' || id` : `'c' || (1 + (hashtext(id) & 2147483647) % ${DATA.contacts})`;
  const span = test ? 30 : DATA.days;
  await sql.unsafe(`
    insert into runs (id, flow_id, flow_version, contact_id, workflow_id, status, node_id, started_at, ended_at, end_reason, step_count, test, updated_at)
    select id, flow_id, ${test ? 'null' : '1'}, ${contact}, flow_id || '/' || id,
      case when waiting then 'waiting' else 'done' end,
      case when waiting then 'wait' else 'sms' end,
      started_at,
      case when not waiting then started_at + interval '1 day 1 minute' end,
      case when waiting then null when r < 0.80 then 'completed' when r < 0.90 then 'goal' when r < 0.96 then 'exited' when r < 0.99 then 'failed' else 'cancelled' end,
      case when waiting then 2 else 5 end, ${test}, started_at
    from (
      select id, flow_id, started_at, started_at > now() - interval '1 day' as waiting, ${u("id || ':end'")} as r
      from (select ${runId} as id, f.flow_id from ${flows} cross join generate_series(1, ${runs}) i) g
      cross join lateral (select now() - interval '${span} days' * ${u("id || ':start'")} as started_at) t
    ) r
    order by started_at`);
  const theirs = `r.flow_id in (${flowIds.map((id) => `'${id}'`).join(', ')}) and r.test = ${test}`;
  await sql.unsafe(`
    insert into messages (id, idempotency_key, run_id, flow_id, node_id, contact_id, channel, marketing, to_address, subject, body, status, reason, provider, provider_id, test, created_at, sent_at)
    select id, run_id || ':' || node_id || ':1', run_id, flow_id, node_id, contact_id, channel, true, to_address, subject, body, status,
      case status when 'skipped' then 'no consent' when 'failed' then 'provider refused' when 'bounced' then 'mailbox unknown' end,
      provider, case when status not in ('skipped', 'queued') then 'p-' || id end, ${test}, created_at,
      case when status in ('sent', 'delivered', 'bounced') then created_at end
    from (
      select 'm-' || r.id || ':' || ch.node_id as id, r.id as run_id, r.flow_id, r.contact_id, ch.node_id, ch.channel, ch.provider,
        case when ch.channel = 'email' then r.contact_id || '@example.com' else '+420777' || lpad((hashtext(r.contact_id) & 65535)::text, 6, '0') end as to_address,
        case when ch.channel = 'email' then 'How was your order?' end as subject,
        case when ch.channel = 'email' then 'Thank you for your order. Tell us how you like it.' else 'Thanks for your order! Reply STOP to opt out.' end as body,
        r.started_at + interval '1 day' + ch.later as created_at,
        case
          when ch.channel = 'email' then case when s < 0.85 then 'sent' when s < 0.95 then 'skipped' when s < 0.98 then 'bounced' else 'failed' end
          else case when s < 0.80 then 'delivered' when s < 0.86 then 'sent' when s < 0.94 then 'skipped' when s < 0.99 then 'failed' else 'queued' end
        end as status
      from runs r
      cross join (values ('email', 'email', 'smtp', interval '0'), ('sms', 'sms', 'twilio', interval '30 seconds')) ch(node_id, channel, provider, later)
      cross join lateral (select ${u("r.id || ':' || ch.node_id")} as s) s
      where ${theirs} and r.status = 'done' and (ch.channel = 'email' or ${u("r.id || ':sms?'")} < 0.5)
    ) m
    order by created_at`);
  // The steps tell the messages' story: "sent" whatever became of the message later, else its status.
  await sql.unsafe(`
    insert into run_steps (run_id, seq, at, node_id, type, visit, outcome)
    select r.id, st.seq, r.started_at + st.later, st.node_id, st.type, 1,
      case when st.node_id in ('email', 'sms') then case
        when m.status is null then 'skipped'
        when m.status in ('sent', 'delivered', 'bounced', 'queued') then 'sent'
        else m.status end
      else st.outcome end
    from runs r
    cross join (values
      (0, 'trigger', 'trigger.event', 'started', interval '0'), (1, 'wait', 'wait.delay', 'waiting', interval '0'),
      (2, 'wait', 'wait.delay', 'timeout', interval '1 day'), (3, 'email', 'action.email', null, interval '1 day'),
      (4, 'sms', 'action.sms', null, interval '1 day 30 seconds')
    ) st(seq, node_id, type, outcome, later)
    left join messages m on m.id = 'm-' || r.id || ':' || st.node_id
    where ${theirs} and st.seq < r.step_count
    order by r.started_at + st.later, r.id, st.seq`);
  // Opens and clicks of the sent emails, as the tracking routes store them (the event's data names
  // the message); test messages record none.
  if (test) return;
  await sql.unsafe(`
    insert into events (id, type, contact_id, occurred_at, received_at, data)
    select e.id, e.type, m.contact_id, at, at,
      jsonb_build_object('id', e.id, 'type', e.type, 'occurredAt', at, 'contact', jsonb_build_object('id', m.contact_id),
        'data', jsonb_build_object('messageId', m.id, 'flowId', m.flow_id, 'nodeId', m.node_id, 'runId', m.run_id)
          || case when e.type = 'email.clicked' then jsonb_build_object('url', 'https://shop.example/review') else '{}' end
          || case when e.machine then '{"machine": true, "machineReason": "link scanner"}'::jsonb else '{}' end)
    from messages m
    cross join (values ('opened', 'email.opened', false, 0.55), ('clicked', 'email.clicked', false, 0.20),
      ('machine-opened', 'email.opened', true, 0.08), ('machine-clicked', 'email.clicked', true, 0.05)) k(kind, type, machine, share)
    cross join lateral (select k.type, k.machine, k.type || ':' || m.id || case when k.type = 'email.clicked' then ':review' else '' end || case when k.machine then ':machine' else '' end as id,
      m.sent_at + interval '2 days' * ${u("m.id || ':' || k.kind || ':at'")} as at) e
    where m.flow_id in (${flowIds.map((id) => `'${id}'`).join(', ')}) and not m.test and m.channel = 'email' and m.status = 'sent' and ${u("m.id || ':' || k.kind")} < k.share
    order by at`);
}

async function seed(sql: Sql): Promise<void> {
  await seedContactsAndOrders(sql);
  for (const id of Object.values(FLOWS)) {
    await createFlow(sql, { id, graph });
    await publishFlow(sql, id);
  }
  await seedRuns(sql, Object.values(FLOWS), DATA.runsPerFlow, false);
  await seedRuns(sql, [FLOWS.busy], DATA.testRuns, true);
  // As autovacuum would have left a table this old: statistics and visibility map up to date.
  await sql.unsafe('vacuum analyze');
}

interface TableSize {
  name: string;
  rows: number;
  mib: number;
}

async function tableSizes(sql: Sql): Promise<TableSize[]> {
  const tables = ['contacts', 'runs', 'run_steps', 'messages', 'events', 'orders'];
  return Promise.all(
    tables.map(async (name) => {
      const [row] = await sql<{ rows: number; bytes: number }[]>`
        select (select count(*) from ${sql(name)})::int as rows, pg_total_relation_size(${name}::regclass)::bigint as bytes`;
      if (!row) throw new Error(`no size for table ${name}`);
      return { name, rows: row.rows, mib: row.bytes / 2 ** 20 };
    }),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface Timing {
  days: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  stats: FlowStats;
}

async function timeStats(sql: Sql, days: number): Promise<Timing> {
  const once = async () => {
    const start = performance.now();
    const stats = await flowStats(sql, FLOWS.busy, { days });
    if (!stats || stats.runs.started === 0) throw new Error(`flowStats found no runs of ${FLOWS.busy} in ${days} days`);
    return { ms: performance.now() - start, stats };
  };
  let last = await once();
  for (let i = 1; i < MEASURE.warmUps; i++) last = await once();
  const times: number[] = [];
  for (let i = 0; i < MEASURE.runs; i++) {
    last = await once();
    times.push(last.ms);
  }
  return { days, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), stats: last.stats };
}

async function timePeriods(sql: Sql, label: string): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const days of PERIODS) {
    timings.push(await timeStats(sql, days));
    log(`${label}, ${days} days: ${n(timings.at(-1)?.medianMs ?? Number.NaN)} ms`);
  }
  return timings;
}

export async function flowStatsSuite(): Promise<{ rows: BenchRow[]; notes: string }> {
  const load = loadavg()[0] ?? 0;
  const dir = await mkdtemp(path.join(tmpdir(), 'nudgeflow-bench-stats-'));
  // Started as root, Postgres runs as the "postgres" user, who must be able to enter the folder.
  await chmod(dir, 0o755);
  let server: EmbeddedPostgres | undefined;
  let sql: Sql | undefined;
  const stop = async () => {
    await sql?.end({ timeout: 5 });
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  // Ctrl-C (or a kill) mid-run must not leave Postgres and the data folder behind.
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data') });
    // The API's pool size: the stats' statements run in parallel on it.
    sql = createSql(server.url, { max: 10, applicationName: 'nudgeflow-bench' });
    await migrate(sql);
    const seedStart = performance.now();
    await seed(sql);
    log(`data generated in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const sizes = await tableSizes(sql);
    const runRows = sizes.find((t) => t.name === 'runs')?.rows;
    if (runRows !== 2 * DATA.runsPerFlow + DATA.testRuns) throw new Error(`the bench data has ${runRows} runs`);

    const timings = await timePeriods(sql, 'with migration 008');
    await sql.unsafe(WITHOUT_008);
    const before = await timePeriods(sql, 'without migration 008');

    const rows: BenchRow[] = timings.map((t) => ({
      metric: `flow stats, last ${t.days} days (median of ${MEASURE.runs})`,
      value: t.medianMs,
      unit: 'ms',
      ...(t.days === TARGET.days ? { target: `< ${TARGET.ms} ms`, met: t.medianMs < TARGET.ms } : {}),
    }));
    const size = (name: string) => {
      const t = sizes.find((s) => s.name === name);
      return t ? `${n(t.rows)} ${name} (${n(t.mib)} MiB with indexes)` : name;
    };
    const messages = ({ queued, sent, failed, bounced, skipped }: FlowStats['messages']) => queued + sent + failed + bounced + skipped;
    const inPeriod = timings.map(({ days, stats }) => `${days} days: ${n(stats.runs.started)} runs and ${n(messages(stats.messages))} messages`).join('; ');
    const notes = [
      `\`flowStats(db, flowId, { days })\` (runtime/src/db/flow-stats.ts, what GET /api/flows/{id}/stats answers) for one busy flow, called`,
      `${MEASURE.runs} times in a row per period after ${MEASURE.warmUps} warm-up call, from the bench process on a pool of 10 connections (the API's), so`,
      'its statements run in parallel as in the API, to an embedded PostgreSQL with its default settings (shared_buffers 128 MB, work_mem 4 MB)',
      `on a fresh temporary folder, all migrations applied. Range of the calls: ${timings.map((t) => `${t.days} days ${n(t.minMs)}–${n(t.maxMs)} ms`).join(', ')}.`,
      `The machine's 1-minute load average was ${load.toFixed(1)} when the suite began: other work on it slows every figure.`,
      '',
      `**What migration 008 changes**: the same calls, same statements, after dropping its two indexes and its statistics (and re-analyzing) took`,
      `${before.map((t, i) => `${n(t.medianMs)} ms for ${t.days} days (${n(timings[i]?.medianMs ?? Number.NaN)} ms with it)`).join(', ')}: without`,
      'runs_flow_started_idx the runs of the period are found among all the flow\'s runs; without events_message_idx (and the statistics that',
      'make the planner use it) each message\'s opens and clicks are looked for among all its contact\'s, or all clicks are read at once.',
      '',
      `Data, generated set-wise in SQL, then \`vacuum analyze\` (as autovacuum would have left tables this old): ${n(DATA.contacts)}`,
      `contacts; two published flows "trigger → wait 1 day → email → SMS" with ${n(DATA.runsPerFlow)} runs each, started evenly over`,
      `${DATA.days} days (those of the last day still waiting, the rest ended after five steps), an email per ended run and an SMS for half of`,
      `them, statuses mixed, and people's and machines' opens and clicks of the sent emails; ${n(DATA.testRuns)} test runs of the busy flow (with`,
      `their test messages) in the last 30 days; ${n(DATA.orders)} orders of random contacts over the ${DATA.days} days, each with its order.created`,
      'event. Rows are written in time order, both flows mixed, as a live system writes them.',
      `In all: ${['runs', 'run_steps', 'messages', 'events', 'orders', 'contacts'].map(size).join(', ')}.`,
      `The busy flow's share, ${inPeriod}.`,
    ];
    return { rows, notes: notes.join('\n') };
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stop();
  }
}
