import type { Contact, EffectResult, FlowGraph, Scenario, SimEnd, SimulationResult } from '@nudgeflow/shared';
import { compact, inTransaction, iso, jsonb, type Db } from './client';
import type { MessageChannel, MessageStatus } from './messages';

export type TestRunMode = 'simulate' | 'live';
/** running: a live run in flight; failed: the run ended failed, or could not start; cancelled: stopped by an admin. */
export type TestRunStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** Where a live test run's messages go instead of the outbox: the admin's own address and number. */
export interface DeliverTo {
  email?: string;
  phone?: string;
}

/** What a live test run stores once it has ended. */
export interface LiveOutcome {
  end: SimEnd;
}

export interface TestRunRecord {
  id: string;
  /** Undefined for a graph sent inline. */
  flowId?: string;
  /** The published version tested; undefined for the draft or an inline graph. */
  flowVersion?: number;
  graph: FlowGraph;
  scenario: Scenario;
  mode: TestRunMode;
  timeScale?: number;
  deliverTo?: DeliverTo;
  status: TestRunStatus;
  /** Simulate: the whole result. Live: only an end the run does not record itself (not started, could not start, horizon). */
  result?: SimulationResult | LiveOutcome;
  runId?: string;
  workflowId?: string;
  /** Scenario seconds at which the live run started (its trigger's time). */
  startSeconds?: number;
  createdAt: string;
  endedAt?: string;
}

export type NewTestRun = Omit<TestRunRecord, 'createdAt' | 'endedAt'>;

interface TestRunRow {
  id: string;
  flow_id: string | null;
  flow_version: number | null;
  graph: FlowGraph;
  scenario: Scenario;
  mode: TestRunMode;
  time_scale: number | null;
  deliver_to: DeliverTo | null;
  status: TestRunStatus;
  result: SimulationResult | LiveOutcome | null;
  run_id: string | null;
  workflow_id: string | null;
  start_seconds: number | null;
  created_at: Date;
  ended_at: Date | null;
}

const toTestRun = (r: TestRunRow): TestRunRecord =>
  compact({
    id: r.id,
    flowId: r.flow_id,
    flowVersion: r.flow_version,
    graph: r.graph,
    scenario: r.scenario,
    mode: r.mode,
    timeScale: r.time_scale,
    deliverTo: r.deliver_to,
    status: r.status,
    result: r.result,
    runId: r.run_id,
    workflowId: r.workflow_id,
    startSeconds: r.start_seconds,
    createdAt: iso(r.created_at),
    endedAt: iso(r.ended_at),
  });

export async function insertTestRun(db: Db, run: NewTestRun): Promise<TestRunRecord> {
  const [row] = await db<TestRunRow[]>`
    insert into test_runs ${db({
      id: run.id,
      flow_id: run.flowId ?? null,
      flow_version: run.flowVersion ?? null,
      graph: jsonb(db, run.graph),
      scenario: jsonb(db, run.scenario),
      mode: run.mode,
      time_scale: run.timeScale ?? null,
      deliver_to: run.deliverTo ? jsonb(db, run.deliverTo) : null,
      status: run.status,
      result: run.result ? jsonb(db, run.result) : null,
      run_id: run.runId ?? null,
      workflow_id: run.workflowId ?? null,
      start_seconds: run.startSeconds ?? null,
      ended_at: run.status === 'running' ? null : new Date(),
    })}
    returning *`;
  if (!row) throw new Error(`test run ${run.id} was not stored`);
  return toTestRun(row);
}

export async function getTestRun(db: Db, id: string): Promise<TestRunRecord | undefined> {
  const [row] = await db<TestRunRow[]>`select * from test_runs where id = ${id}`;
  return row ? toTestRun(row) : undefined;
}

/**
 * Ends a running test run. Only the first end counts (a cancel racing the run's own end): the
 * answer is the row as it is afterwards, and `changed` says whether this call ended it.
 */
export async function endTestRun(db: Db, id: string, status: Exclude<TestRunStatus, 'running'>, result?: LiveOutcome): Promise<{ run: TestRunRecord; changed: boolean } | undefined> {
  const [updated] = await db<TestRunRow[]>`
    update test_runs set status = ${status}, ended_at = now(), result = ${result ? jsonb(db, result) : null}
    where id = ${id} and status = 'running'
    returning *`;
  if (updated) return { run: toTestRun(updated), changed: true };
  const found = await getTestRun(db, id);
  return found ? { run: found, changed: false } : undefined;
}

/** What a live test run needs besides its test_runs row: a contact of its own and a runs row. */
export interface LiveTestRunRows {
  contact: Contact;
  run: {
    id: string;
    flowId: string;
    /** Null for a draft or an inline graph. */
    flowVersion: number | null;
    orderId?: string;
    workflowId: string;
    /** Flow time when the run starts (the scenario's clock). */
    startedAt: string;
    triggerEventId?: string;
  };
  testRun: NewTestRun;
}

/**
 * The contact, the run and the test run, all or nothing. The contact keeps its full data but
 * none of the lookup columns (email, phone, external id): no shop event is ever matched to it.
 */
export async function createLiveTestRun(db: Db, rows: LiveTestRunRows): Promise<TestRunRecord> {
  return inTransaction(db, async (tx) => {
    await tx`insert into contacts (id, data, test) values (${rows.contact.id}, ${jsonb(tx, rows.contact)}, true)`;
    const { run } = rows;
    await tx`
      insert into runs (id, flow_id, flow_version, contact_id, order_id, workflow_id, status, started_at, trigger_event_id, test)
      values (${run.id}, ${run.flowId}, ${run.flowVersion}, ${rows.contact.id}, ${run.orderId ?? null}, ${run.workflowId},
              'running', ${run.startedAt}, ${run.triggerEventId ?? null}, true)`;
    return insertTestRun(tx, rows.testRun);
  });
}

/** An effect of a run with its result (tags, codes, webhooks...), oldest first. */
export interface RunEffect {
  key: string;
  nodeId: string;
  type: string;
  result: EffectResult;
}

export async function effectsOfRun(db: Db, runId: string): Promise<RunEffect[]> {
  const rows = await db<{ idempotency_key: string; node_id: string; type: string; result: EffectResult }[]>`
    select idempotency_key, node_id, type, result from effects where run_id = ${runId} order by created_at, idempotency_key`;
  return rows.map((r) => ({ key: r.idempotency_key, nodeId: r.node_id, type: r.type, result: r.result }));
}

/** A message of a run as a test run shows it. */
export interface RunMessage {
  key: string;
  nodeId?: string;
  channel: MessageChannel;
  to?: string;
  subject?: string;
  body?: string;
  status: MessageStatus;
  reason?: string;
}

/** A test run sends a handful of messages; this many is far more than any flow sends. */
const MESSAGE_LIMIT = 1000;

export async function messagesOfRun(db: Db, runId: string): Promise<RunMessage[]> {
  const rows = await db<
    { idempotency_key: string; node_id: string | null; channel: MessageChannel; to_address: string | null; subject: string | null; body: string | null; status: MessageStatus; reason: string | null }[]
  >`
    select idempotency_key, node_id, channel, to_address, subject, body, status, reason from messages
    where run_id = ${runId} order by created_at, id limit ${MESSAGE_LIMIT}`;
  return rows.map((r) =>
    compact({ key: r.idempotency_key, nodeId: r.node_id, channel: r.channel, to: r.to_address, subject: r.subject, body: r.body, status: r.status, reason: r.reason }),
  );
}
