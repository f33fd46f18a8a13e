import type { FlowGraph } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { createRun, recordProgress, resolveContact } from '../../db';
import { graphOf, paymentReminder } from '../../temporal/test-flows';
import { useTestApi } from '../test-api';
import { copyName } from './duplicate-flow';

const api = useTestApi();

/** Two errors on node "sms" and one on node "x": a draft that must not be published. */
const broken = graphOf(
  'Broken',
  [
    ['trigger', 'trigger.event', { event: 'order.created' }],
    ['sms', 'action.sendSms', { body: 'Hi {{ contact.frstName }}' }],
    ['x', 'nope.nope', {}],
  ],
  ['trigger->sms'],
);
/** Valid, with one warning: nothing follows the wait. */
const deadEnd = graphOf('Dead end', [['trigger', 'trigger.event', { event: 'order.created' }], ['wait', 'wait.delay', { duration: 'PT1H' }]], ['trigger->wait']);

async function create(graph: FlowGraph = paymentReminder(), name?: string): Promise<string> {
  const res = await api.request('POST', '/api/flows', { body: { graph, ...(name ? { name } : {}) } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function startRun(flowId: string, runId: string, contactId: string): Promise<void> {
  await api.db.sql.begin((tx) => resolveContact(tx, { id: contactId }));
  await createRun(api.db.sql, { id: runId, flowId, flowVersion: 1, contactId, workflowId: `flow/${flowId}/${contactId}`, startedAt: '2026-03-02T10:00:00.000Z' });
}

describe('flows API', () => {
  it('creates a draft flow and answers with its graph, problems and no published version', async () => {
    const res = await api.request('POST', '/api/flows', { body: { name: 'Reminder', graph: paymentReminder() } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^flow_/),
      name: 'Reminder',
      status: 'draft',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      activeRuns: 0,
      graph: { ...paymentReminder(), name: 'Reminder' },
      valid: true,
      problems: [],
    });
    expect((await api.request('GET', `/api/flows/${res.body.id}`)).body).toEqual(res.body);
  });

  it('accepts a draft with problems and reports them per node, but refuses a body that is not a graph', async () => {
    const draft = await api.request('POST', '/api/flows', { body: { graph: broken } });
    expect(draft.status).toBe(201);
    expect(draft.body.valid).toBe(false);
    expect(draft.body.problems.map((p: { nodeId: string; code: string }) => [p.nodeId, p.code])).toEqual([
      ['sms', 'unknown-variable'],
      ['x', 'unknown-type'],
      ['x', 'unreachable'],
    ]);

    const bad = await api.request('POST', '/api/flows', { body: { graph: { ...paymentReminder(), nodes: [{ id: 'a b', type: 'x' }] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['graph.nodes.0.id', 'graph.nodes.0.position']);
  });

  it('lists flows with status, published version, unpublished changes and contacts in the flow', async () => {
    const draftId = await create(deadEnd);
    const liveId = await create(paymentReminder(), 'Live');
    expect((await api.request('POST', `/api/flows/${liveId}/publish`)).status).toBe(201);
    await startRun(liveId, 'r1', 'ann');
    await startRun(liveId, 'r2', 'bob');
    await recordProgress(api.db.sql, { runId: 'r2', fromSeq: 0, steps: [], status: 'done', end: { reason: 'completed' }, endedAt: '2026-03-02T11:00:00.000Z' });

    const list = await api.request('GET', '/api/flows');
    expect(list.status).toBe(200);
    expect(list.body.map((f: Record<string, unknown>) => [f.id, f.name, f.status, f.publishedVersion, f.activeRuns, f.unpublishedChanges])).toEqual([
      [liveId, 'Live', 'active', 1, 1, false],
      [draftId, 'Dead end', 'draft', undefined, 0, true],
    ]);
    expect((await api.request('GET', '/api/flows?status=draft')).body.map((f: { id: string }) => f.id)).toEqual([draftId]);
    expect((await api.request('GET', '/api/flows?status=gone')).status).toBe(400);
  });

  it('saves the draft with PUT and answers with its problems; published versions stay as they were', async () => {
    const id = await create();
    await api.request('POST', `/api/flows/${id}/publish`);
    const saved = await api.request('PUT', `/api/flows/${id}`, { body: { graph: broken } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Broken', publishedVersion: 1, valid: false, graph: broken });
    expect(saved.body.problems.filter((p: { nodeId: string }) => p.nodeId === 'sms')).toHaveLength(1);
    expect((await api.request('GET', `/api/flows/${id}/versions/1`)).body.graph).toEqual(paymentReminder());
    expect((await api.request('GET', '/api/flows')).body[0].unpublishedChanges).toBe(true);

    const renamed = await api.request('PUT', `/api/flows/${id}`, { body: { name: 'Renamed', graph: paymentReminder() } });
    expect(renamed.body).toMatchObject({ name: 'Renamed', graph: { name: 'Renamed' } });
  });

  it('publishes immutable, numbered versions', async () => {
    const id = await create(deadEnd);
    const v1 = await api.request('POST', `/api/flows/${id}/publish`);
    expect(v1.status).toBe(201);
    expect(v1.body).toEqual({
      flowId: id,
      version: 1,
      graph: deadEnd,
      nodeTypes: [],
      publishedAt: expect.any(String),
      warnings: [expect.objectContaining({ severity: 'warning', code: 'dead-end-wait', nodeId: 'wait' })],
    });
    await api.request('PUT', `/api/flows/${id}`, { body: { graph: paymentReminder() } });
    const v2 = await api.request('POST', `/api/flows/${id}/publish`);
    expect(v2.body).toMatchObject({ version: 2, graph: paymentReminder(), warnings: [] });

    expect((await api.request('GET', `/api/flows/${id}`)).body).toMatchObject({ status: 'active', publishedVersion: 2 });
    const versions = await api.request('GET', `/api/flows/${id}/versions`);
    expect(versions.body).toEqual([
      { version: 2, publishedAt: expect.any(String), current: true },
      { version: 1, publishedAt: expect.any(String), current: false },
    ]);
    expect((await api.request('GET', `/api/flows/${id}/versions/1`)).body).toEqual({ flowId: id, version: 1, graph: deadEnd, nodeTypes: [], publishedAt: v1.body.publishedAt });
    expect((await api.request('GET', `/api/flows/${id}/versions/3`)).body.error).toEqual({ code: 'not_found', message: `version "${id} v3" does not exist` });
    expect((await api.request('GET', `/api/flows/${id}/versions/first`)).status).toBe(400);
  });

  it('refuses to publish a draft with errors: 422 with every problem, and no version is made', async () => {
    const id = await create(broken);
    const res = await api.request('POST', `/api/flows/${id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_flow');
    expect(res.body.error.message).toBe(
      `flow "${id}" cannot be published: fix 3 errors first, first node "sms": unknown variable "contact.frstName" (did you mean contact.firstName?)`,
    );
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ nodeId: 'sms', code: 'unknown-variable', field: 'body', line: 1, column: 7 }),
      expect.objectContaining({ nodeId: 'x', code: 'unknown-type' }),
      expect.objectContaining({ nodeId: 'x', code: 'unreachable' }),
    ]);
    expect((await api.request('GET', `/api/flows/${id}/versions`)).body).toEqual([]);
    expect((await api.request('GET', `/api/flows/${id}`)).body.status).toBe('draft');
  });

  it('pauses and resumes a published flow; a never-published flow answers 409', async () => {
    const id = await create();
    const resume = await api.request('POST', `/api/flows/${id}/resume`);
    expect(resume.status).toBe(409);
    expect(resume.body.error).toEqual({ code: 'flow_not_published', message: `flow ${id} has never been published; publish it before you resume it` });
    expect((await api.request('POST', `/api/flows/${id}/pause`)).status).toBe(409);

    await api.request('POST', `/api/flows/${id}/publish`);
    const paused = await api.request('POST', `/api/flows/${id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    expect((await api.request('POST', `/api/flows/${id}/publish`)).body.version).toBe(2);
    expect((await api.request('GET', `/api/flows/${id}`)).body.status).toBe('paused');
    expect((await api.request('POST', `/api/flows/${id}/resume`)).body.status).toBe('active');
  });

  it('deletes softly and cancels the running runs; versions stay readable', async () => {
    const id = await create();
    await api.request('POST', `/api/flows/${id}/publish`);
    const res = await api.request('DELETE', `/api/flows/${id}`);
    expect(res).toEqual({ status: 200, body: { id, deleted: true } });
    expect(api.calls.cancelledFlows).toEqual([id]);
    expect((await api.request('GET', `/api/flows/${id}`)).status).toBe(404);
    expect((await api.request('GET', '/api/flows')).body).toEqual([]);
    expect((await api.request('DELETE', `/api/flows/${id}`)).status).toBe(404);
    expect((await api.request('GET', `/api/flows/${id}/versions/1`)).status).toBe(200);
  });

  it('says so when the flow is deleted but its runs could not be cancelled', async () => {
    const id = await create();
    api.cancelRuns = new Error('connection refused');
    const res = await api.request('DELETE', `/api/flows/${id}`);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('runs_not_cancelled');
    expect(res.body.error.message).toContain(`flow "${id}" is deleted and takes no new contacts, but its running runs could not be cancelled (connection refused)`);
    expect((await api.request('GET', `/api/flows/${id}`)).status).toBe(404);
  });

  it('duplicates the draft into a new draft flow', async () => {
    const id = await create(broken, 'Welcome');
    await api.request('POST', `/api/flows/${id}/publish`);
    const copy = await api.request('POST', `/api/flows/${id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'Welcome (copy)', status: 'draft', graph: { ...broken, name: 'Welcome (copy)' }, valid: false });
    expect(copy.body.id).not.toBe(id);
    expect(copy.body.publishedVersion).toBeUndefined();
    expect(copyName('x'.repeat(200))).toBe(`${'x'.repeat(193)} (copy)`);
  });

  it('answers 404 for a flow that does not exist, on every route', async () => {
    const missing = [
      ['GET', '/api/flows/nope'],
      ['PUT', '/api/flows/nope'],
      ['DELETE', '/api/flows/nope'],
      ['POST', '/api/flows/nope/publish'],
      ['POST', '/api/flows/nope/pause'],
      ['POST', '/api/flows/nope/resume'],
      ['POST', '/api/flows/nope/duplicate'],
      ['GET', '/api/flows/nope/versions'],
    ] as const;
    for (const [method, path] of missing) {
      const res = await api.request(method, path, method === 'PUT' ? { body: { graph: paymentReminder() } } : {});
      expect([method, path, res.status, res.body.error]).toEqual([method, path, 404, { code: 'not_found', message: 'flow "nope" does not exist' }]);
    }
  });

  it('needs the admin token; the ingestion key is not enough', async () => {
    expect((await api.request('GET', '/api/flows', { as: 'anonymous' })).status).toBe(401);
    const shop = await api.request('POST', '/api/flows', { as: 'shop', body: { graph: paymentReminder() } });
    expect(shop.status).toBe(401);
    expect((await api.request('GET', '/api/flows')).body).toEqual([]);
  });
});
