import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { flowSettingsSchema, type FlowEvent, type FlowGraph } from '@nudgeflow/shared';
// The runtime package exports only its CLI; the bench drives the same functions `nudgeflow dev` does.
import { readEnv } from '../../../runtime/src/config';
import { createSql, type Sql } from '../../../runtime/src/db/client';
import { startInfrastructure, type Infrastructure } from '../../../runtime/src/server/infrastructure';
import { startStack, type RunningStack } from '../../../runtime/src/server/stack';
import type { BenchRow } from '../results-file';
import { cpuUsage, describeCpu } from './runtime-cpu';

const ADMIN_TOKEN = 'bench-admin-token-0000';
const API_KEY = 'bench-ingestion-key-0000';

/** Bounds of each phase: together they keep the suite (stack start and stop included) under 3 minutes. */
const INGEST = { seconds: 8, singleConcurrency: 32, singleMax: 5_000, batchSize: 100, batchConcurrency: 4, batchMax: 10_000 };
const LATENCY = { count: 200, perSecond: 20, timeoutMs: 90_000 };
/** `waitCapMs`: how long, once all runs have started, to watch them reach their first wait. */
const RUNS = { count: 1_000, batchSize: 100, timeoutMs: 90_000, waitCapMs: 30_000 };
const TARGETS = { eventsPerSecond: 1_000, runsPerSecond: 100, p95Ms: 1_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`  ${line}`);

class Api {
  constructor(private readonly url: string) {}

  async admin<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  /** How many of the events the API accepted: only a 202 counts, and only its "accepted" ones. */
  async sendEvents(events: FlowEvent[]): Promise<number> {
    const response = await fetch(`${this.url}/api/events`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify(events.length === 1 ? events[0] : { events }),
    });
    const text = await response.text();
    if (response.status !== 202) {
      log(`POST /api/events answered ${response.status}: ${text.slice(0, 200)}`);
      return 0;
    }
    return (JSON.parse(text) as { accepted: number }).accepted;
  }
}

let phoneCounter = 0;

/** An order.created of its own contact and order, as a shop sends it (phone included, for the SMS). */
function orderCreated(key: string): FlowEvent {
  phoneCounter += 1;
  return {
    id: `evt-${key}`,
    type: 'order.created',
    occurredAt: new Date().toISOString(),
    contact: { id: `c-${key}`, email: `${key}@bench.example`, phone: `+420601${String(phoneCounter).padStart(6, '0')}`, firstName: 'Bench', tags: [] },
    order: { id: `o-${key}`, number: key, total: 990, currency: 'CZK', items: [{ sku: 'MUG-1', name: 'Mug', price: 990, quantity: 1 }] },
  };
}

function graph(name: string, then: { id: string; type: string; config: Record<string, unknown> }): FlowGraph {
  return {
    schemaVersion: 1,
    name,
    settings: flowSettingsSchema.parse({}),
    nodes: [
      { id: 'trigger', type: 'trigger.event', position: { x: 0, y: 0 }, config: { event: 'order.created' } },
      { ...then, position: { x: 0, y: 200 } },
    ],
    edges: [{ id: 'e0', source: 'trigger', target: then.id }],
  };
}

async function publishedFlow(api: Api, flow: FlowGraph): Promise<string> {
  const { id } = await api.admin<{ id: string }>('POST', '/api/flows', { name: flow.name, graph: flow });
  await api.admin('POST', `/api/flows/${id}/publish`);
  return id;
}

async function waitFor(what: string, timeoutMs: number, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(20);
  }
}

const count = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
const pendingOutbox = (sql: Sql) => count(sql<{ n: number }[]>`select count(*)::int as n from outbox where dispatched_at is null and abandoned_at is null`);

/**
 * Closed loop: `concurrency` clients each send one request after the other until the time or the
 * event budget is used up. Returns the accepted events per second over the whole span.
 */
async function ingestRate(api: Api, tag: string, perRequest: number, concurrency: number, maxEvents: number): Promise<{ perSecond: number; accepted: number }> {
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  const until = started + INGEST.seconds * 1000;
  const client = async () => {
    while (performance.now() < until && next < maxEvents) {
      const first = next;
      next += perRequest;
      const events = Array.from({ length: perRequest }, (_, i) => orderCreated(`${tag}-${first + i}`));
      // Not `accepted += await ...`: that reads `accepted` before the await and loses the other clients' counts.
      const stored = await api.sendEvents(events);
      accepted += stored;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { perSecond: accepted / ((performance.now() - started) / 1000), accepted };
}

interface Latency {
  total: number[];
  /** POST sent -> event stored (events.received_at). */
  stored: number[];
  /** Stored -> run's workflow started (outbox.dispatched_at). */
  dispatched: number[];
  /** Workflow started -> message sent (messages.sent_at). */
  executed: number[];
  /** Messages sent per second from the first request to the last message. */
  deliveredPerSecond: number;
}

/** Open loop at a steady rate: each POST's send time against its message's sent_at, same clock. */
async function eventToMessageLatency(api: Api, sql: Sql, flowId: string): Promise<Latency> {
  const sentAt = new Map<string, number>();
  const requests: Promise<number>[] = [];
  const begin = Date.now();
  for (let i = 0; i < LATENCY.count; i++) {
    await sleep(begin + (i * 1000) / LATENCY.perSecond - Date.now());
    const event = orderCreated(`latency-${i}`);
    sentAt.set(event.id, Date.now());
    requests.push(api.sendEvents([event]));
  }
  const accepted = (await Promise.all(requests)).reduce((a, b) => a + b, 0);
  if (accepted !== LATENCY.count) throw new Error(`only ${accepted} of ${LATENCY.count} events for the latency phase were accepted`);
  await waitFor(`${LATENCY.count} messages`, LATENCY.timeoutMs, async () => {
    return (await count(sql<{ n: number }[]>`select count(*)::int as n from messages where flow_id = ${flowId} and sent_at is not null`)) === LATENCY.count;
  });
  const rows = await sql<{ event_id: string; received_at: Date; dispatched_at: Date; sent_at: Date; status: string }[]>`
    select e.id as event_id, e.received_at, o.dispatched_at, m.sent_at, m.status
    from messages m join runs r on r.id = m.run_id join events e on e.id = r.trigger_event_id join outbox o on o.event_id = e.id
    where m.flow_id = ${flowId}`;
  const latency: Latency = { total: [], stored: [], dispatched: [], executed: [], deliveredPerSecond: 0 };
  let lastSent = begin;
  for (const row of rows) {
    const sent = sentAt.get(row.event_id);
    if (sent === undefined || row.status !== 'sent') throw new Error(`unexpected message for event ${row.event_id} (status ${row.status})`);
    latency.total.push(row.sent_at.getTime() - sent);
    latency.stored.push(row.received_at.getTime() - sent);
    latency.dispatched.push(row.dispatched_at.getTime() - row.received_at.getTime());
    latency.executed.push(row.sent_at.getTime() - row.dispatched_at.getTime());
    lastSent = Math.max(lastSent, row.sent_at.getTime());
  }
  latency.deliveredPerSecond = rows.length / ((lastSent - begin) / 1000);
  return latency;
}

interface RunsStarted {
  perSecond: number;
  /** How many runs had reached their wait (first workflow task and progress report done), and when. */
  waiting: { count: number; afterMs: number };
}

/** N order.created into a published wait flow, until N runs are started: row written and workflow started. */
async function runsStartedRate(api: Api, sql: Sql, flowId: string): Promise<RunsStarted> {
  const started = performance.now();
  let accepted = 0;
  for (let b = 0; b < RUNS.count / RUNS.batchSize; b++) {
    const stored = await api.sendEvents(Array.from({ length: RUNS.batchSize }, (_, i) => orderCreated(`runs-${b * RUNS.batchSize + i}`)));
    accepted += stored;
  }
  if (accepted !== RUNS.count) throw new Error(`only ${accepted} of ${RUNS.count} events for the runs phase were accepted`);
  // The dispatcher marks an event dispatched only after signalWithStart returned for its run.
  await waitFor(`${RUNS.count} runs to start`, RUNS.timeoutMs, async () => {
    const [row] = await sql<{ runs: number; dispatched: number }[]>`
      select (select count(*)::int from runs where flow_id = ${flowId}) as runs,
             (select count(*)::int from outbox where event_id like 'evt-runs-%' and dispatched_at is not null) as dispatched`;
    return row?.runs === RUNS.count && row.dispatched === RUNS.count;
  });
  const startedMs = performance.now() - started;
  const waitingNow = () => count(sql<{ n: number }[]>`select count(*)::int as n from runs where flow_id = ${flowId} and status = 'waiting'`);
  const cap = performance.now() + RUNS.waitCapMs;
  let waiting = await waitingNow();
  while (waiting < RUNS.count && performance.now() < cap) {
    await sleep(50);
    waiting = await waitingNow();
  }
  return { perSecond: RUNS.count / (startedMs / 1000), waiting: { count: waiting, afterMs: performance.now() - started } };
}

/** Nearest-rank percentile. */
function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')} ms`;
const n = (v: number) => Math.round(v).toLocaleString('en-US');

interface Stack {
  api: Api;
  sql: Sql;
  stop(): Promise<void>;
}

/** The dev stack (`nudgeflow dev`) on a fresh data dir: embedded Postgres, Temporal dev server, worker, dispatcher, API. */
async function startBenchStack(dataDir: string): Promise<Stack> {
  const env = readEnv({ PORT: '0', NUDGEFLOW_DATA_DIR: dataDir, NUDGEFLOW_ADMIN_TOKEN: ADMIN_TOKEN, NUDGEFLOW_API_KEY: API_KEY, NUDGEFLOW_LINK_SECRET: 'bench-link-secret-0123456789' });
  const stackLog = (line: string) => log(`[stack] ${line}`);
  const infra: Infrastructure = await startInfrastructure(env, stackLog);
  let stack: RunningStack | undefined;
  let sql: Sql | undefined;
  const stop = async () => {
    await sql?.end({ timeout: 5 });
    await stack?.stop();
    await infra.stop();
  };
  try {
    stack = await startStack({
      env,
      databaseUrl: infra.databaseUrl,
      temporalAddress: infra.temporalAddress,
      credentials: { adminToken: ADMIN_TOKEN, apiKey: API_KEY },
      parts: { api: true, worker: true },
      log: stackLog,
    });
    if (!stack.apiUrl) throw new Error('the stack did not start its API');
    sql = createSql(infra.databaseUrl, { max: 2, applicationName: 'nudgeflow-bench' });
    return { api: new Api(stack.apiUrl), sql, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function runtimeSuite(): Promise<{ rows: BenchRow[]; notes: string }> {
  const load = loadavg()[0] ?? 0;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'nudgeflow-bench-'));
  // Started as root, Postgres runs as the "postgres" user, who must be able to enter the folder.
  await chmod(dataDir, 0o755);
  let stack: Stack | undefined;
  // Ctrl-C (or a kill) mid-run must not leave Postgres, Temporal and the data folder behind.
  const onSignal = () => void (stack?.stop() ?? Promise.resolve()).finally(() => rm(dataDir, { recursive: true, force: true }).finally(() => process.exit(130)));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const setupStart = performance.now();
    stack = await startBenchStack(dataDir);
    const { api, sql } = stack;
    log(`stack up in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

    // Warm-up (JIT, pools, prepared statements), with no flow published yet.
    await ingestRate(api, 'warm', 10, 4, 500);
    // CPU per phase and part of the stack: what each figure costs, and where.
    const cpu: Record<'single' | 'batched' | 'latency' | 'runs', string | undefined> = { single: undefined, batched: undefined, latency: undefined, runs: undefined };
    let mark = cpuUsage();
    const cpuSince = (units: number, unit: string) => {
      const now = cpuUsage();
      const text = describeCpu(mark, now, units, unit);
      mark = now;
      return text;
    };
    const single = await ingestRate(api, 'single', 1, INGEST.singleConcurrency, INGEST.singleMax);
    cpu.single = cpuSince(single.accepted, 'event');
    log(`single events: ${single.accepted} accepted, ${single.perSecond.toFixed(0)}/s`);
    const batched = await ingestRate(api, 'batch', INGEST.batchSize, INGEST.batchConcurrency, INGEST.batchMax);
    cpu.batched = cpuSince(batched.accepted, 'event');
    log(`batches: ${batched.accepted} accepted, ${batched.perSecond.toFixed(0)}/s`);
    const drainStart = performance.now();
    await waitFor('the outbox to drain', 120_000, async () => (await pendingOutbox(sql)) === 0);
    const drainSeconds = (performance.now() - drainStart) / 1000;
    log(`outbox drained ${drainSeconds.toFixed(1)} s after the ingestion phases`);

    // Latency before the runs phase, so that its runs' backlog on the worker does not count here.
    const smsFlow = await publishedFlow(
      api,
      graph('Bench: order SMS', { id: 'sms', type: 'action.sendSms', config: { body: 'Thank you for order {{ order.number }}.', transactional: true } }),
    );
    mark = cpuUsage();
    const latency = await eventToMessageLatency(api, sql, smsFlow);
    cpu.latency = cpuSince(LATENCY.count, 'run');
    const p50 = percentile(latency.total, 0.5);
    const p95 = percentile(latency.total, 0.95);
    const max = Math.max(...latency.total);
    log(`latency: p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(max)}`);
    await api.admin('POST', `/api/flows/${smsFlow}/pause`);

    const waitFlow = await publishedFlow(api, graph('Bench: start and wait', { id: 'wait', type: 'wait.delay', config: { duration: 'PT1H' } }));
    mark = cpuUsage();
    const runs = await runsStartedRate(api, sql, waitFlow);
    cpu.runs = cpuSince(RUNS.count, 'run');
    log(`runs: ${runs.perSecond.toFixed(0)}/s started; ${runs.waiting.count} waiting after ${ms(runs.waiting.afterMs)}`);

    const eventsTarget = `≥ ${TARGETS.eventsPerSecond.toLocaleString('en-US')} events/s`;
    const rows: BenchRow[] = [
      {
        metric: `events accepted, single-event requests (${INGEST.singleConcurrency} concurrent)`,
        value: single.perSecond,
        unit: 'events/s',
        target: eventsTarget,
        met: single.perSecond >= TARGETS.eventsPerSecond,
      },
      {
        metric: `events accepted, batches of ${INGEST.batchSize} (${INGEST.batchConcurrency} concurrent)`,
        value: batched.perSecond,
        unit: 'events/s',
        target: eventsTarget,
        met: batched.perSecond >= TARGETS.eventsPerSecond,
      },
      {
        metric: `flow runs started (${n(RUNS.count)} order.created)`,
        value: runs.perSecond,
        unit: 'runs/s',
        target: `≥ ${TARGETS.runsPerSecond} runs/s`,
        met: runs.perSecond >= TARGETS.runsPerSecond,
      },
      { metric: `order event → outbox message, p50 (${LATENCY.perSecond} events/s)`, value: p50, unit: 'ms' },
      {
        metric: `order event → outbox message, p95 (${LATENCY.perSecond} events/s)`,
        value: p95,
        unit: 'ms',
        target: `< ${TARGETS.p95Ms.toLocaleString('en-US')} ms`,
        met: p95 < TARGETS.p95Ms,
      },
      { metric: `order event → outbox message, max (${LATENCY.perSecond} events/s)`, value: max, unit: 'ms' },
    ];
    const split = (name: string, values: number[]) => `${name} p50 ${ms(percentile(values, 0.5))} / p95 ${ms(percentile(values, 0.95))}`;
    const reached =
      runs.waiting.count === RUNS.count
        ? `all ${n(RUNS.count)} had reached their wait (first workflow task and progress report done) ${ms(runs.waiting.afterMs)} after the first request`
        : `only ${n(runs.waiting.count)} of ${n(RUNS.count)} had reached their wait (first workflow task and progress report done) ${ms(runs.waiting.afterMs)} after the first request`;
    const notes = [
      'The dev stack as `nudgeflow dev` runs it, inside the bench process: embedded PostgreSQL and the Temporal dev server (SQLite) on a fresh',
      'temporary data folder, one in-process worker (two workflow threads), the dispatcher (claims of 100, 64 events at once) and the API, all on',
      'loopback and sharing one pool of 10 Postgres connections. The load generator shares the Node process with them. Every event is an',
      `\`order.created\` of its own contact and order. The machine's 1-minute load average was ${load.toFixed(1)} when the suite began: other work on it lowers every figure.`,
      '',
      `- **Events accepted**: closed loops for ${INGEST.seconds} s (or until ${n(INGEST.singleMax)} / ${n(INGEST.batchMax)} events) after a warm-up; only events a 202`,
      '  reports as accepted count. No flow is published yet, but the dispatcher drains the outbox meanwhile, as in production; the outbox',
      `  was empty ${drainSeconds.toFixed(1)} s after the last request (${n(single.accepted + batched.accepted)} events).`,
      `- **Latency**: ${LATENCY.count} single-event requests at ${LATENCY.perSecond}/s to a flow "order.created → transactional SMS"; from each request's send`,
      "  time to its message's `sent_at` (outbox channel), same machine clock. Split by the rows' own timestamps:",
      `  ${split('request → event stored', latency.stored)}; ${split('stored → workflow started', latency.dispatched)};`,
      `  ${split('workflow started → SMS sent', latency.executed)}. Messages went out at ${latency.deliveredPerSecond.toFixed(1)}/s on average while`,
      `  events came in at ${LATENCY.perSecond}/s: where that is lower, requests queue and the latency grows with the length of the run.`,
      `- **Runs started**: ${n(RUNS.count)} events in batches of ${RUNS.batchSize} to a published flow "order.created → wait 1 h" (the SMS flow paused); from the`,
      '  first request until every run has its row in Postgres and its workflow started (`signalWithStart` returned, outbox row dispatched).',
      `  Beyond that, ${reached}.`,
      '',
      'Where the time goes: CPU time of each part of the stack during each phase (from /proc; the load generator counts in the Node main',
      'thread, the workflow code and Temporal\'s core in its other threads):',
      '',
      ...(
        [
          ['Events accepted, single-event requests', cpu.single],
          ['Events accepted, batches', cpu.batched],
          ['Latency phase', cpu.latency],
          ['Runs phase, until every run waits', cpu.runs],
        ] as const
      ).flatMap(([phase, text]) => (text ? [`- ${phase}: ${text}.`] : [])),
      '',
      'By design: requests that arrive while three writes are in flight share the next transaction (group commit), where the events of',
      'different people are written set-wise, in about eight statements whatever their number. The dispatcher reads and writes the runs',
      'table once per claim and makes one `signalWithStart` per run. Progress reports, effects and lookups are local activities, so a run',
      'that starts and sends at once takes one workflow task; each new workflow builds only the config schemas of the nodes its flow has.',
      'The Temporal dev server persists every start and workflow task in one SQLite file.',
    ].join('\n');
    return { rows, notes };
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
