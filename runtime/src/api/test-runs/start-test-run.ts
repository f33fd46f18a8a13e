import { simulate, validate, type FlowGraph, type NodeRegistry, type Scenario, type SimEnd, type SimulationResult } from '@nudgeflow/shared';
import { DEFAULT_TIME_SCALE } from '@nudgeflow/shared/api';
import type { PortableNodeType } from '@nudgeflow/shared/plugins';
import type { FlowRunInput } from '@nudgeflow/workflows/contract';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { newId, recordProgress } from '../../db';
import { noPlugins } from '../../plugins/loaded-plugins';
import { pinPluginNodes } from '../../plugins/pin-node-types';
import { createLiveTestRun, endTestRun, insertTestRun, type DeliverTo, type TestRunRecord, type TestRunStatus } from '../../db/test-runs';
import { planLiveRun } from '../../test-runs/live-plan';
import { ApiError } from '../errors';
import type { TestRunRouteDeps } from './deps';

export interface TestRunRequest {
  /** The stored flow tested, and its published version (undefined: the draft). */
  flow?: { id: string; version?: number };
  graph: FlowGraph;
  /** A published version's pinned custom node types; absent (the draft, an inline graph): pinned now from the loaded plugins. */
  nodeTypes?: PortableNodeType[];
  scenario: Scenario;
  mode: 'simulate' | 'live';
  timeScale?: number;
  deliverTo?: DeliverTo;
}

/** The status a finished test run has for how it ended. */
export function statusOfEnd(reason: SimEnd['reason']): Exclude<TestRunStatus, 'running'> {
  if (reason === 'failed') return 'failed';
  if (reason === 'cancelled') return 'cancelled';
  return 'done';
}

/** The graph as the validator reads it; refused with every problem, each naming its node, when it has errors. */
export function checkedGraph(graph: unknown, deps: TestRunRouteDeps, what: string): FlowGraph {
  const { ok, problems, graph: parsed } = validate(graph, deps.registry);
  if (ok && parsed) return parsed;
  const errors = problems.filter((p) => p.severity === 'error');
  const [first] = errors;
  const where = first?.nodeId !== undefined ? `node "${first.nodeId}": ` : first?.edgeId !== undefined ? `edge "${first.edgeId}": ` : first?.field !== undefined ? `${first.field}: ` : '';
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  throw new ApiError(422, 'invalid_flow', `${what} cannot be tested: fix ${count} first${first ? `, first ${where}${first.message}` : ''}`, problems);
}

/** The admin's number in E.164, or a 400 naming the field. */
function checkedDeliverTo(deliverTo: DeliverTo | undefined, deps: TestRunRouteDeps): DeliverTo | undefined {
  if (!deliverTo?.phone) return deliverTo;
  const country = deps.messaging.defaultPhoneCountry as CountryCode | undefined;
  const parsed = parsePhoneNumberFromString(deliverTo.phone, { extract: false, ...(country ? { defaultCountry: country } : {}) });
  if (!parsed?.isValid()) {
    const message = `"${deliverTo.phone}" is not a valid phone number (write it with its country code, e.g. +420777123456)`;
    throw new ApiError(400, 'invalid_request', `invalid request body: deliverTo.phone: ${message}`, [{ path: 'deliverTo.phone', message }]);
  }
  return { ...deliverTo, phone: parsed.number };
}

function simulated(graph: FlowGraph, scenario: Scenario, flowId: string | undefined, registry: NodeRegistry): SimulationResult {
  try {
    return simulate(graph, scenario, { registry, ...(flowId !== undefined ? { flowId } : {}) });
  } catch (error) {
    // A bug in the simulator or a node type: the test run says so instead of a 500.
    const detail = `the simulation stopped with an error: ${error instanceof Error ? error.message : String(error)}`;
    return { steps: [], actions: [], end: { atSeconds: 0, reason: 'failed', detail } };
  }
}

const common = (request: TestRunRequest, id: string) => ({
  id,
  ...(request.flow ? { flowId: request.flow.id } : {}),
  ...(request.flow?.version !== undefined ? { flowVersion: request.flow.version } : {}),
  graph: request.graph,
  scenario: request.scenario,
});

async function startLive(deps: TestRunRouteDeps, request: TestRunRequest, id: string): Promise<TestRunRecord> {
  const control = deps.testRuns;
  if (!control) throw new ApiError(503, 'live_unavailable', 'live test runs need the workflow service, which this API process is not connected to; simulate instead');
  const { graph, scenario } = request;
  const timeScale = request.timeScale ?? DEFAULT_TIME_SCALE;
  const deliverTo = checkedDeliverTo(request.deliverTo, deps);
  const base = { ...common(request, id), mode: 'live' as const, timeScale, ...(deliverTo ? { deliverTo } : {}) };
  const contactId = `test-${id}`;
  const plan = planLiveRun(graph, scenario, contactId, deps.registry);
  if (plan.kind === 'ended') return insertTestRun(deps.sql, { ...base, status: statusOfEnd(plan.end.reason), result: { end: plan.end } });

  const flowId = request.flow?.id ?? id;
  const version = request.flow?.version;
  const workflowId = `test-run/${id}`;
  const flowStartAt = new Date(Date.parse(scenario.now) + plan.startSeconds * 1000).toISOString();
  // The workflow knows custom types only from what the run carries, as for a published version.
  const pinned = request.nodeTypes ? { graph, nodeTypes: request.nodeTypes } : pinPluginNodes(graph, deps.plugins ?? noPlugins);
  const input: FlowRunInput = {
    run: { runId: id, workflowId, flowId, flowVersion: version ?? 0, contactId, test: true, ...(deliverTo ? { deliverTo } : {}) },
    flow: { id: flowId, name: graph.name, version: version ?? 0, graph: pinned.graph, ...(pinned.nodeTypes.length ? { nodeTypes: pinned.nodeTypes } : {}) },
    contact: plan.contact,
    ...(plan.trigger ? { trigger: plan.trigger } : {}),
    ...(plan.order ? { order: plan.order } : {}),
    timeScale,
    flowStartAt,
    ...(plan.scheduled.length > 0 ? { scheduled: plan.scheduled } : {}),
  };
  const record = await createLiveTestRun(deps.sql, {
    contact: plan.contact,
    run: {
      id,
      flowId,
      flowVersion: version ?? null,
      ...(plan.order ? { orderId: plan.order.id } : {}),
      workflowId,
      startedAt: flowStartAt,
      ...(plan.trigger ? { triggerEventId: plan.trigger.id } : {}),
    },
    testRun: { ...base, status: 'running', runId: id, workflowId, startSeconds: plan.startSeconds },
  });
  try {
    await control.start(input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const detail = `the test run could not start: the workflow service did not answer (${reason})`;
    const end = { atSeconds: plan.startSeconds, reason: 'failed' as const, detail };
    await recordProgress(deps.sql, { runId: id, fromSeq: 0, steps: [], status: 'done', end: { reason: 'failed', detail }, endedAt: flowStartAt });
    await endTestRun(deps.sql, id, 'failed', { end });
    throw new ApiError(503, 'workflow_unavailable', `${detail}; try again shortly`);
  }
  return record;
}

/** Simulates at once, or starts a live run; either way the test run is stored. */
export async function startTestRun(deps: TestRunRouteDeps, request: TestRunRequest): Promise<TestRunRecord> {
  const id = newId('trun');
  if (request.mode === 'live') return startLive(deps, request, id);
  const result = simulated(request.graph, request.scenario, request.flow?.id, deps.registry);
  return insertTestRun(deps.sql, { ...common(request, id), mode: 'simulate', status: statusOfEnd(result.end.reason), result });
}
