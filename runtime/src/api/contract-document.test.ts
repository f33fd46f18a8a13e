import { builtinRegistry } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { testMessaging } from '../activities/test-fixtures';
import type { Sql } from '../db';
import { createApp } from './app';
import { createApiRoutes } from './routes';
import { testCredentials } from './test-api';

/*
 * The shapes come from @nudgeflow/shared/api, described with zod's `.meta()`: the OpenAPI
 * document must still name them, refer to them and carry their descriptions.
 */

const up = async () => ({ ok: true as const });
// The document is built from the route definitions alone: no query runs, so no database.
const app = createApp(
  { credentials: testCredentials, registry: builtinRegistry, health: { postgres: up, temporal: up, worker: up } },
  createApiRoutes({ sql: {} as Sql, registry: builtinRegistry, messaging: testMessaging, onAccepted: () => {}, cancelRuns: async () => {}, cancelRun: async () => false }),
);

type Schema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };
const components = async () => ((await (await app.request('/api/openapi.json')).json()) as { components: { schemas: Record<string, Schema> } }).components.schemas;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('the OpenAPI document of the shared API contract', () => {
  it('carries field descriptions and examples', async () => {
    const schemas = await components();
    expect(schemas.Message?.properties?.idempotencyKey).toEqual({ type: 'string', description: 'One message per key, however often the send is retried' });
    expect(schemas.Error?.properties?.error?.properties).toMatchObject({ code: { type: 'string', description: 'Stable, machine-readable', example: 'not_found' } });
    expect(schemas.NodeType?.properties?.kind).toEqual({
      type: 'string',
      enum: ['action', 'condition', 'trigger'],
      description: 'Custom node types (plugins) only: what the plugin is',
    });
  });

  it('refers to named components, with what the field holding one means', async () => {
    const schemas = await components();
    expect(schemas.FlowVersion?.properties?.graph).toEqual({ allOf: [ref('FlowGraph'), { description: 'Exactly as published; never changes' }] });
    expect(schemas.TestRunEvent?.properties?.order).toEqual({
      allOf: [ref('Order'), { description: "Defaults to the run's own order, so that `{ \"type\": \"order.paid\" }` marks it paid" }],
    });
    expect(schemas.Flow?.properties?.problems).toEqual({ type: 'array', items: ref('Problem'), description: "The draft's problems, each naming its node, edge or field" });
    expect(schemas.TestRun?.properties?.steps).toEqual({ type: 'array', items: ref('TestRunStep') });
    expect(schemas.FlowTestRunRequest?.properties?.deliverTo).toEqual(ref('DeliverTo'));
    expect(schemas.PublishedVersion?.allOf).toEqual([
      ref('FlowVersion'),
      { type: 'object', properties: { warnings: { type: 'array', items: ref('Problem'), description: 'Problems that did not block publishing' } }, required: ['warnings'] },
    ]);
  });
});
