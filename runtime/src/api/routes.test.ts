import { builtinRegistry } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import type { Sql } from '../db';
import { testMessaging } from '../activities/test-fixtures';
import { createApp } from './app';
import { createApiRoutes } from './routes';
import { testCredentials } from './test-api';

const up = async () => ({ ok: true as const });
// The document is built from the route definitions alone: no query runs, so no database.
const noDatabase = {} as Sql;
const app = createApp(
  { credentials: testCredentials, registry: builtinRegistry, health: { postgres: up, temporal: up, worker: up } },
  createApiRoutes({ sql: noDatabase, registry: builtinRegistry, messaging: testMessaging, onAccepted: () => {}, cancelRuns: async () => {}, cancelRun: async () => false }),
);

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const document = async () => (await (await app.request('/api/openapi.json')).json()) as Document;

describe('the whole API', () => {
  it('documents every route in OpenAPI', async () => {
    const doc = await document();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/node-types',
        'POST /api/node-types/describe',
        'GET /api/plugins',
        'POST /api/flows',
        'GET /api/flows',
        'GET /api/flows/{id}',
        'PUT /api/flows/{id}',
        'DELETE /api/flows/{id}',
        'POST /api/flows/{id}/publish',
        'POST /api/flows/{id}/pause',
        'POST /api/flows/{id}/resume',
        'POST /api/flows/{id}/duplicate',
        'GET /api/flows/{id}/stats',
        'GET /api/flows/{id}/versions',
        'GET /api/flows/{id}/versions/{version}',
        'POST /api/events',
        'GET /api/runs',
        'GET /api/runs/{id}',
        'POST /api/runs/{id}/cancel',
        'GET /api/messages',
        'GET /api/messages/{id}/html',
        'GET /api/contacts',
        'GET /api/contacts/{id}',
        'GET /api/contacts/{id}/events',
        'GET /api/orders/{id}',
        'GET /api/orders/{id}/events',
        'GET /api/code-pools',
        'GET /api/code-pools/{name}',
        'PUT /api/code-pools/{name}',
        'POST /api/code-pools/{name}/codes',
        'GET /api/templates',
        'POST /api/preview/email',
        'POST /api/flows/{id}/test-runs',
        'POST /api/test-runs',
        'GET /api/test-runs/{id}',
        'POST /api/test-runs/{id}/events',
        'POST /api/test-runs/{id}/cancel',
        'GET /api/t/o/{token}',
        'GET /api/t/c/{token}',
        'GET /api/unsubscribe/{token}',
        'POST /api/unsubscribe/{token}',
        'GET /api/view/{token}',
        'POST /api/twilio/status',
        'POST /api/twilio/inbound',
      ].sort(),
    );
  });

  it('names the shared schemas as components and marks ingestion as API-key only', async () => {
    const doc = await document();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['FlowGraph', 'Flow', 'FlowSummary', 'Problem', 'Event', 'IngestResult', 'Run', 'Step', 'Message', 'Contact', 'Order', 'CodePool', 'Error']),
    );
    expect(doc.paths['/api/events']?.post?.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(doc.paths['/api/flows/{id}/publish']?.post?.responses ?? {})).toEqual(['201', '404', '422']);
  });
});
