import { testMessaging } from '../activities/test-fixtures';
import { TEST_AUTH_TOKEN } from '../channels/twilio-test-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { builtinRegistry } from '@nudgeflow/shared';
import { beforeEach } from 'vitest';
import type { RunRecord } from '../db';
import { useTestDatabase, type TestDatabase } from '../db/test-database';
import type { LoadedPlugins } from '../plugins/loaded-plugins';
import type { LiveTestRunControl } from '../test-runs/live-control';
import { createApp } from './app';
import { createApiRoutes } from './routes';

export const testCredentials = { adminToken: 'admin-token-0123456789', apiKey: 'api-key-0123456789' };

export type Caller = 'admin' | 'shop' | 'anonymous';

const up = async () => ({ ok: true as const });

export interface TestResponse {
  status: number;
  // Tests read whatever shape the route answers with.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface TestApi {
  readonly db: TestDatabase;
  /** The whole API over the test database (built on first use, after beforeAll). */
  readonly app: OpenAPIHono;
  /** What the injected dependencies were asked to do since the last reset. */
  readonly calls: { accepted: number; cancelledFlows: string[]; cancelledRuns: string[] };
  /** What cancelRun does next: answer (true: a workflow was running) or throw. */
  cancelRun: boolean | Error;
  /** What cancelRuns does next: succeed or throw. */
  cancelRuns: 'ok' | Error;
  request(method: string, path: string, options?: { body?: unknown; as?: Caller }): Promise<TestResponse>;
}

const headersFor = (as: Caller): Record<string, string> =>
  as === 'admin' ? { authorization: `Bearer ${testCredentials.adminToken}` } : as === 'shop' ? { 'x-api-key': testCredentials.apiKey } : {};

/**
 * For a vitest file: a real database (useTestDatabase) and the whole API on it, with recording
 * stand-ins for the Temporal-side dependencies. Tables and recordings are reset before each test.
 * `plugins`: custom node types the API knows; `testRuns`: a stand-in that lets live test runs start.
 */
export function useTestApi(options: { plugins?: LoadedPlugins; testRuns?: LiveTestRunControl } = {}): TestApi {
  const registry = options.plugins?.registry ?? builtinRegistry;
  const db = useTestDatabase();
  let app: OpenAPIHono | undefined;
  const api: TestApi = {
    db,
    calls: { accepted: 0, cancelledFlows: [], cancelledRuns: [] },
    cancelRun: true,
    cancelRuns: 'ok',
    get app() {
      app ??= createApp(
        { credentials: testCredentials, registry, ...(options.plugins ? { plugins: options.plugins } : {}), health: { postgres: up, temporal: up, worker: up } },
        createApiRoutes({
          sql: db.sql,
          registry,
          ...(options.plugins ? { plugins: options.plugins } : {}),
          ...(options.testRuns ? { testRuns: options.testRuns } : {}),
          messaging: testMessaging,
          twilio: { authToken: TEST_AUTH_TOKEN },
          onAccepted: () => {
            api.calls.accepted += 1;
          },
          cancelRuns: async (flowId) => {
            if (api.cancelRuns instanceof Error) throw api.cancelRuns;
            api.calls.cancelledFlows.push(flowId);
          },
          cancelRun: async (run: RunRecord) => {
            if (api.cancelRun instanceof Error) throw api.cancelRun;
            api.calls.cancelledRuns.push(run.id);
            return api.cancelRun;
          },
        }),
      );
      return app;
    },
    async request(method, path, options = {}) {
      const init: RequestInit = { method, headers: { ...headersFor(options.as ?? 'admin') } };
      if (options.body !== undefined) {
        init.body = JSON.stringify(options.body);
        init.headers = { ...init.headers, 'content-type': 'application/json' };
      }
      const res = await api.app.request(path, init);
      return { status: res.status, body: await res.json() };
    },
  };
  beforeEach(async () => {
    await db.reset();
    Object.assign(api.calls, { accepted: 0, cancelledFlows: [], cancelledRuns: [] });
    api.cancelRun = true;
    api.cancelRuns = 'ok';
  });
  return api;
}
