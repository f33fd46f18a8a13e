import type { Contact, FlowEvent, Order } from '@nudgeflow/shared';
import type { FlowRunInput } from '@nudgeflow/workflows/contract';
import type { Client } from '@temporalio/client';
import { createRun, lastRunFor, type RunStatus, type Sql } from '../db';
import { startFlowRun } from '../temporal/client';
import { decideEntry } from './reentry';
import type { RoutableFlow } from './routable-flow';
import { runIdFor, runWorkflowId, type RunCause } from './run-ids';
import { executionOf, runIdOfExecution, waitUntilClosed } from './run-execution';

export interface EntryContext {
  sql: Sql;
  client: Client;
  taskQueue: string;
}

export interface EntryRequest {
  flow: RoutableFlow;
  contact: Contact;
  order?: Order;
  /** The re-entry key: the contact id, or the order id for flows run per order. */
  key: string;
  cause: RunCause;
  /** The event that started the run (event triggers); delivered with signalWithStart. */
  trigger?: FlowEvent;
  /** When the run begins: now, or a scheduled trigger's fire time (then it starts delayed). */
  startAt: Date;
  now: Date;
}

export type EntryOutcome =
  /** A new run: its row was created and its workflow started. */
  | { kind: 'started'; runId: string; workflowId: string }
  /** An earlier attempt created the row but had not started the workflow; now it has. */
  | { kind: 'resumed'; runId: string; workflowId: string }
  /** An earlier attempt did everything already. */
  | { kind: 'unchanged'; runId: string; workflowId: string }
  /** Another run for the key has not ended; it should get the event instead. */
  | { kind: 'running'; workflowId: string }
  | { kind: 'refused'; reason: string };

async function runStatus(sql: Sql, runId: string): Promise<RunStatus | undefined> {
  const [row] = await sql<{ status: RunStatus }[]>`select status from runs where id = ${runId}`;
  return row?.status;
}

function flowRunInput(request: EntryRequest, runId: string, workflowId: string): FlowRunInput {
  const { flow, contact, order, trigger } = request;
  return {
    run: { runId, workflowId, flowId: flow.flowId, flowVersion: flow.version, contactId: contact.id },
    // Only flows with custom types carry them, so other runs' inputs stay as they were.
    flow: { id: flow.flowId, name: flow.name, version: flow.version, graph: flow.graph, ...(flow.nodeTypes.length ? { nodeTypes: flow.nodeTypes } : {}) },
    contact,
    ...(trigger ? { trigger } : {}),
    ...(order ? { order } : {}),
  };
}

/** Starts the workflow of a run whose row exists. */
export async function startRunWorkflow(context: EntryContext, request: EntryRequest, runId: string, workflowId: string): Promise<void> {
  const delayMs = request.startAt.getTime() - request.now.getTime();
  await startFlowRun(context.client, flowRunInput(request, runId, workflowId), {
    taskQueue: context.taskQueue,
    ...(request.trigger ? { signal: request.trigger } : {}),
    ...(delayMs > 0 ? { startDelay: delayMs } : {}),
  });
}

/**
 * The run row exists from an earlier attempt (a crash, a lost lease, a repeated sweep): start its
 * workflow only if it never ran. Running (or delayed) means started; a closed execution that was
 * this run's means it already ran, and starting again would run the contact through twice.
 */
export async function finishEarlierAttempt(context: EntryContext, request: EntryRequest, runId: string, workflowId: string): Promise<EntryOutcome> {
  const execution = await executionOf(context.client, workflowId);
  if (execution.kind === 'running') return { kind: 'unchanged', runId, workflowId };
  if (execution.kind === 'closed' && (await runIdOfExecution(context.client, workflowId, execution.temporalRunId)) === runId)
    return { kind: 'unchanged', runId, workflowId };
  await startRunWorkflow(context, request, runId, workflowId);
  return { kind: 'resumed', runId, workflowId };
}

/**
 * One entry into a flow: the re-entry rule against the runs table, then the run row, then the
 * workflow. Safe to repeat with the same request: the run id is derived from the cause, so a
 * retry finds its row and only completes what is missing.
 */
export async function enterFlow(context: EntryContext, request: EntryRequest): Promise<EntryOutcome> {
  const { flow, contact, order, key, cause } = request;
  const runId = runIdFor(flow.flowId, key, cause);
  const workflowId = runWorkflowId(flow.flowId, key, cause);
  const status = await runStatus(context.sql, runId);
  if (status === 'done') return { kind: 'unchanged', runId, workflowId };
  if (status !== undefined) return finishEarlierAttempt(context, request, runId, workflowId);

  const perOrder = flow.settings.runPer === 'order';
  const last = await lastRunFor(context.sql, flow.flowId, { contactId: contact.id, ...(perOrder ? { orderId: key } : {}) });
  const decision = decideEntry(flow.settings.reentry, last, request.startAt);
  if (decision.kind === 'running') return { kind: 'running', workflowId: decision.run.workflowId };
  if (decision.kind === 'refused') return decision;
  // The previous run's row says done a moment before its workflow closes: until it has, the
  // workflow id is taken, and a start would only signal the old execution.
  if (last?.workflowId === workflowId) await waitUntilClosed(context.client, workflowId);

  const { created } = await createRun(context.sql, {
    id: runId,
    flowId: flow.flowId,
    flowVersion: flow.version,
    contactId: contact.id,
    ...(order ? { orderId: order.id } : {}),
    workflowId,
    startedAt: request.startAt.toISOString(),
    ...(cause.kind === 'event' ? { triggerEventId: cause.eventId } : {}),
  });
  // Someone else (a second dispatcher whose lease overlapped) created it between our reads.
  if (!created) return finishEarlierAttempt(context, request, runId, workflowId);
  await startRunWorkflow(context, request, runId, workflowId);
  return { kind: 'started', runId, workflowId };
}
