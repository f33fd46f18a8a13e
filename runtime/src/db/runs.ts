import type { EndReason, RunState, Step } from '@nudgeflow/shared';
import { compact, inTransaction, iso, type Db } from './client';
import { beforePosition, pageOf, positionTime, type ListPage, type ListPosition } from './list-position';

export type RunStatus = RunState['status'];

export interface RunRecord {
  /** The interpreter's runId. */
  id: string;
  flowId: string;
  /** 0 for a live test run of a draft or of a graph sent inline (no published version). */
  flowVersion: number;
  contactId: string;
  orderId?: string;
  workflowId: string;
  status: RunStatus;
  /** Where the run is now, or where it ended. */
  nodeId?: string;
  startedAt: string;
  endedAt?: string;
  endReason?: EndReason;
  endDetail?: string;
  triggerEventId?: string;
  test: boolean;
  stepCount: number;
  updatedAt: string;
}

export interface RunWithSteps extends RunRecord {
  steps: Step[];
}

export interface NewRun {
  id: string;
  flowId: string;
  /** A published version of the flow. */
  flowVersion: number;
  contactId: string;
  orderId?: string;
  workflowId: string;
  startedAt: string;
  triggerEventId?: string;
  test?: boolean;
}

interface RunRow {
  id: string;
  flow_id: string;
  flow_version: number | null;
  contact_id: string;
  order_id: string | null;
  workflow_id: string;
  status: RunStatus;
  node_id: string | null;
  started_at: Date;
  ended_at: Date | null;
  end_reason: EndReason | null;
  end_detail: string | null;
  trigger_event_id: string | null;
  test: boolean;
  step_count: number;
  updated_at: Date;
}

const toRun = (r: RunRow): RunRecord =>
  compact({
    id: r.id,
    flowId: r.flow_id,
    flowVersion: r.flow_version ?? 0,
    contactId: r.contact_id,
    orderId: r.order_id,
    workflowId: r.workflow_id,
    status: r.status,
    nodeId: r.node_id,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    endReason: r.end_reason,
    endDetail: r.end_detail,
    triggerEventId: r.trigger_event_id,
    test: r.test,
    stepCount: r.step_count,
    updatedAt: iso(r.updated_at),
  });

const insertRun = (db: Db, run: NewRun) => db<RunRow[]>`
  insert into runs (id, flow_id, flow_version, contact_id, order_id, workflow_id, status, started_at, trigger_event_id, test)
  values (${run.id}, ${run.flowId}, ${run.flowVersion}, ${run.contactId}, ${run.orderId ?? null}, ${run.workflowId},
          'running', ${run.startedAt}, ${run.triggerEventId ?? null}, ${run.test ?? false})
  on conflict (id) do nothing
  returning *`;

/** Records a run as started (status running). Idempotent on the id: a retry returns the first row. */
export async function createRun(db: Db, run: NewRun): Promise<{ run: RunRecord; created: boolean }> {
  const [inserted] = await insertRun(db, run);
  if (inserted) return { run: toRun(inserted), created: true };
  const [existing] = await db<RunRow[]>`select * from runs where id = ${run.id}`;
  if (!existing) throw new Error(`run ${run.id} could not be created nor found`);
  return { run: toRun(existing), created: false };
}

export interface RunProgress {
  runId: string;
  /** Creates the run row first when it does not exist yet (e.g. the workflow's first report). */
  createWith?: Omit<NewRun, 'id'>;
  /** Position of steps[0] in the run's whole log (0-based); the workflow keeps the counter. */
  fromSeq: number;
  steps: Step[];
  status: RunStatus;
  /** The node the run is at now (running/waiting). */
  nodeId?: string;
  /** Set when status is done. */
  end?: NonNullable<RunState['end']>;
  endedAt?: string;
}

/**
 * Appends steps and moves the run's status and node. Idempotent: steps already recorded (same
 * run and seq) are kept as they are, and a report older than what is stored (a retried activity
 * arriving late) or one after the run ended does not move the run back. False when ignored.
 * The run row must exist (createRun, or `createWith`): otherwise a foreign-key error is thrown.
 */
export async function recordProgress(db: Db, progress: RunProgress): Promise<boolean> {
  if (progress.status === 'done' && (!progress.end || !progress.endedAt)) throw new Error(`run ${progress.runId}: a done report needs end and endedAt`);
  const stepCount = progress.fromSeq + progress.steps.length;
  const done = progress.status === 'done';
  const { steps } = progress;
  // One statement, so steps and run move together without a transaction of our own (a report is
  // written on every move of every run: four round trips were most of its cost).
  const write = (q: Db) => q<{ id: string }[]>`
    with steps as (
      insert into run_steps (run_id, seq, at, node_id, type, visit, outcome, detail)
      select ${progress.runId}, seq::integer, at::timestamptz, node_id, type, visit::integer, outcome, detail
      from unnest(
        ${steps.map((_, i) => String(progress.fromSeq + i))}::text[], ${steps.map((st) => st.at)}::text[], ${steps.map((st) => st.nodeId)}::text[],
        ${steps.map((st) => st.type)}::text[], ${steps.map((st) => String(st.visit))}::text[], ${steps.map((st) => st.outcome)}::text[],
        ${steps.map((st) => st.detail ?? null)}::text[]
      ) as v(seq, at, node_id, type, visit, outcome, detail)
      on conflict (run_id, seq) do nothing
    )
    update runs set
      status = ${progress.status},
      node_id = ${progress.end?.nodeId ?? progress.nodeId ?? null},
      step_count = ${stepCount},
      ended_at = ${done ? (progress.endedAt ?? null) : null},
      end_reason = ${done ? (progress.end?.reason ?? null) : null},
      end_detail = ${done ? (progress.end?.detail ?? null) : null},
      updated_at = now()
    where id = ${progress.runId} and status <> 'done' and step_count <= ${stepCount}
    returning id`;
  const { createWith } = progress;
  if (!createWith) return (await write(db)).length > 0;
  return inTransaction(db, async (tx) => {
    await insertRun(tx, { ...createWith, id: progress.runId });
    return (await write(tx)).length > 0;
  });
}

export async function getRun(db: Db, id: string): Promise<RunWithSteps | undefined> {
  const [row] = await db<RunRow[]>`select * from runs where id = ${id}`;
  if (!row) return undefined;
  const steps = await db<{ at: Date; node_id: string; type: string; visit: number; outcome: string; detail: string | null }[]>`
    select at, node_id, type, visit, outcome, detail from run_steps where run_id = ${id} order by seq`;
  return {
    ...toRun(row),
    steps: steps.map((s) => compact({ at: iso(s.at), nodeId: s.node_id, type: s.type, visit: s.visit, outcome: s.outcome, detail: s.detail })),
  };
}

/**
 * The latest run of a flow for a re-entry key: the contact, or the contact and order for flows
 * that run per order. Test runs are left out unless asked for: they must not block real entries.
 */
export async function lastRunFor(db: Db, flowId: string, key: { contactId: string; orderId?: string; test?: boolean }): Promise<RunRecord | undefined> {
  const [row] = await db<RunRow[]>`
    select * from runs
    where flow_id = ${flowId} and contact_id = ${key.contactId} and test = ${key.test ?? false}
      ${key.orderId !== undefined ? db`and order_id = ${key.orderId}` : db``}
    order by started_at desc, id desc
    limit 1`;
  return row ? toRun(row) : undefined;
}

/*
 * For a whole claim of events at once (the dispatcher): one query per claim instead of one per
 * event.
 */

/** Records runs as started, like createRun; returns the ids it created (the others existed). */
export async function createRuns(db: Db, runs: NewRun[]): Promise<Set<string>> {
  if (runs.length === 0) return new Set();
  const rows = runs.map((run) => ({
    id: run.id,
    flow_id: run.flowId,
    flow_version: run.flowVersion,
    contact_id: run.contactId,
    order_id: run.orderId ?? null,
    workflow_id: run.workflowId,
    status: 'running',
    started_at: run.startedAt,
    trigger_event_id: run.triggerEventId ?? null,
    test: run.test ?? false,
  }));
  const created = await db<{ id: string }[]>`insert into runs ${db(rows)} on conflict (id) do nothing returning id`;
  return new Set(created.map((r) => r.id));
}

/** The status of each of these runs that exists. */
export async function runStatuses(db: Db, ids: string[]): Promise<Map<string, RunStatus>> {
  if (ids.length === 0) return new Map();
  const rows = await db<{ id: string; status: RunStatus }[]>`select id, status from runs where id = any(${ids}::text[])`;
  return new Map(rows.map((r) => [r.id, r.status]));
}

export interface RunKey {
  flowId: string;
  contactId: string;
  /** For flows that run per order. */
  orderId?: string;
}

/** lastRunFor for each key (test runs left out), in the order given. */
export async function lastRunsFor(db: Db, keys: RunKey[]): Promise<(RunRecord | undefined)[]> {
  if (keys.length === 0) return [];
  const rows = await db<(RunRow & { key_index: number })[]>`
    select k.key_index::int, r.*
    from unnest(${keys.map((k) => k.flowId)}::text[], ${keys.map((k) => k.contactId)}::text[], ${keys.map((k) => k.orderId ?? null)}::text[])
      with ordinality as k(flow_id, contact_id, order_id, key_index)
    cross join lateral (
      select * from runs
      where flow_id = k.flow_id and contact_id = k.contact_id and not test and (k.order_id is null or order_id = k.order_id)
      order by started_at desc, id desc
      limit 1) r`;
  const found = new Map(rows.map(({ key_index, ...row }) => [key_index, toRun(row)]));
  return keys.map((_, i) => found.get(i + 1));
}

/** The runs of each of these contacts that have not ended: every event is signalled to their workflows. */
export async function runningRunsOfContacts(db: Db, contactIds: string[]): Promise<Map<string, RunRecord[]>> {
  const byContact = new Map<string, RunRecord[]>();
  if (contactIds.length === 0) return byContact;
  const rows = await db<RunRow[]>`
    select * from runs where contact_id = any(${contactIds}::text[]) and status in ('running', 'waiting') order by started_at, id`;
  for (const run of rows.map(toRun)) byContact.set(run.contactId, [...(byContact.get(run.contactId) ?? []), run]);
  return byContact;
}

export interface RunFilter {
  flowId?: string;
  status?: RunStatus;
  nodeId?: string;
  contactId?: string;
  test?: boolean;
  limit?: number;
  /** Paging: runs started before this position (the previous page's `next`). */
  before?: ListPosition;
}

/** Runs newest first, and where the next page starts. */
export async function listRuns(db: Db, filter: RunFilter = {}): Promise<ListPage<RunRecord>> {
  const limit = filter.limit ?? 50;
  const rows = await db<(RunRow & { position_at: string })[]>`
    select *, ${positionTime(db, 'started_at')} from runs
    where true
      ${filter.flowId !== undefined ? db`and flow_id = ${filter.flowId}` : db``}
      ${filter.status !== undefined ? db`and status = ${filter.status}` : db``}
      ${filter.nodeId !== undefined ? db`and node_id = ${filter.nodeId}` : db``}
      ${filter.contactId !== undefined ? db`and contact_id = ${filter.contactId}` : db``}
      ${filter.test !== undefined ? db`and test = ${filter.test}` : db``}
      ${beforePosition(db, 'started_at', filter.before)}
    order by started_at desc, id desc
    limit ${limit + 1}`;
  return pageOf(rows, limit, toRun);
}

/** How many of a flow's runs are at each node, by status: the canvas's "who is where". */
export async function countRunsByNode(db: Db, flowId: string): Promise<{ nodeId: string; status: RunStatus; count: number }[]> {
  const rows = await db<{ node_id: string; status: RunStatus; count: number }[]>`
    select node_id, status, count(*)::int as count from runs
    where flow_id = ${flowId} and node_id is not null and not test
    group by node_id, status order by node_id, status`;
  return rows.map((r) => ({ nodeId: r.node_id, status: r.status, count: r.count }));
}
