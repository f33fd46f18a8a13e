import type { DeliverTo, FlowTestRunRequest, TestRun, TestRunEventAccepted, TestRunEventRequest } from '@nudgeflow/shared/api';
import type { ApiClient } from '../../api/client';

export type { DeliverTo };

/** GET /api/test-runs/{id}: a test run in the simulator's shape. */
export type TestRunView = TestRun;

/** A live test of the saved draft: startLiveTest fills in the mode and the version. */
export type LiveTestRequest = Omit<FlowTestRunRequest, 'mode' | 'version' | 'timeScale'> & { timeScale: number };

const testRun = (id: string) => `/api/test-runs/${encodeURIComponent(id)}`;

/** Starts a live test of the flow's saved draft: a real run on the worker, marked as a test. */
export function startLiveTest(api: ApiClient, flowId: string, request: LiveTestRequest): Promise<TestRunView> {
  const body: FlowTestRunRequest = { mode: 'live', version: 'draft', ...request };
  return api.call<TestRunView>('POST', `/api/flows/${encodeURIComponent(flowId)}/test-runs`, body);
}

export function getTestRun(api: ApiClient, id: string): Promise<TestRunView> {
  return api.call<TestRunView>('GET', testRun(id));
}

/** An event for the test contact (and the run's order): "order.paid" marks it paid now. */
export function sendTestRunEvent(api: ApiClient, id: string, type: string): Promise<TestRunEventAccepted> {
  const body: TestRunEventRequest = { type };
  return api.call<TestRunEventAccepted>('POST', `${testRun(id)}/events`, body);
}

export function cancelTestRun(api: ApiClient, id: string): Promise<TestRunView> {
  return api.call<TestRunView>('POST', `${testRun(id)}/cancel`);
}
