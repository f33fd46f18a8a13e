import type { ScenarioInput, SimAction, SimEnd, SimStep } from '@nudgeflow/shared';
import type { ApiClient } from '../../api/client';

/** GET /api/test-runs/{id}: a test run in the simulator's shape (see the runtime's TestRun schema). */
export interface TestRunView {
  id: string;
  mode: 'simulate' | 'live';
  status: 'running' | 'done' | 'failed' | 'cancelled';
  flowId?: string;
  version?: number | 'draft';
  timeScale?: number;
  runId?: string;
  createdAt: string;
  endedAt?: string;
  steps: SimStep[];
  actions: SimAction[];
  end?: SimEnd;
  /** Where a running live run is now. */
  currentNodeId?: string;
}

export interface DeliverTo {
  email?: string;
  phone?: string;
}

export interface LiveTestRequest {
  events: ScenarioInput;
  timeScale: number;
  deliverTo?: DeliverTo;
}

const testRun = (id: string) => `/api/test-runs/${encodeURIComponent(id)}`;

/** Starts a live test of the flow's saved draft: a real run on the worker, marked as a test. */
export function startLiveTest(api: ApiClient, flowId: string, request: LiveTestRequest): Promise<TestRunView> {
  return api.call<TestRunView>('POST', `/api/flows/${encodeURIComponent(flowId)}/test-runs`, { mode: 'live', version: 'draft', ...request });
}

export function getTestRun(api: ApiClient, id: string): Promise<TestRunView> {
  return api.call<TestRunView>('GET', testRun(id));
}

/** An event for the test contact (and the run's order): "order.paid" marks it paid now. */
export function sendTestRunEvent(api: ApiClient, id: string, type: string): Promise<{ eventId: string; type: string; atSeconds: number }> {
  return api.call('POST', `${testRun(id)}/events`, { type });
}

export function cancelTestRun(api: ApiClient, id: string): Promise<TestRunView> {
  return api.call<TestRunView>('POST', `${testRun(id)}/cancel`);
}
