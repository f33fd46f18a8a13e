import type { FlowGraph } from '@nudgeflow/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createFlow,
  deleteFlow,
  FlowStateError,
  getFlow,
  getFlowVersion,
  listActiveVersions,
  listFlows,
  listFlowVersions,
  pauseFlow,
  publishFlow,
  resumeFlow,
  saveDraft,
} from './flows';
import { useTestDatabase } from './test-database';

const db = useTestDatabase();

const graph = (name: string, nodes: FlowGraph['nodes'] = []): FlowGraph => ({
  schemaVersion: 1,
  name,
  settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' },
  nodes,
  edges: [],
});
const node = (id: string) => ({ id, type: 'action.tag', position: { x: 0, y: 0 }, config: { add: [id] } });

describe('flows', () => {
  beforeEach(() => db.reset());

  it('creates a draft flow; the given name renames the graph', async () => {
    const flow = await createFlow(db.sql, { graph: graph('Untitled'), name: 'Payment reminder' });
    expect(flow).toEqual({
      id: expect.stringMatching(/^flow_/),
      name: 'Payment reminder',
      status: 'draft',
      draft: graph('Payment reminder'),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await getFlow(db.sql, flow.id)).toEqual(flow);
  });

  it('publishing makes immutable numbered versions; later drafts do not touch them', async () => {
    const { id } = await createFlow(db.sql, { id: 'f1', graph: graph('F', [node('a')]) });
    const v1 = await publishFlow(db.sql, id);
    expect(v1).toEqual({ flowId: 'f1', version: 1, graph: graph('F', [node('a')]), nodeTypes: [], publishedAt: expect.any(String) });
    await saveDraft(db.sql, id, graph('F2', [node('a'), node('b')]));
    const v2 = await publishFlow(db.sql, id);
    expect(v2?.version).toBe(2);
    await saveDraft(db.sql, id, graph('F3'));

    expect(await getFlowVersion(db.sql, id, 1)).toEqual(v1);
    expect((await listFlowVersions(db.sql, id)).map((v) => [v.version, v.graph.name])).toEqual([
      [2, 'F2'],
      [1, 'F'],
    ]);
    expect(await getFlow(db.sql, id)).toMatchObject({ name: 'F3', status: 'active', publishedVersion: 2, draft: graph('F3') });
  });

  it('the database itself refuses to change or delete a published version', async () => {
    await createFlow(db.sql, { id: 'f1', graph: graph('F') });
    await publishFlow(db.sql, 'f1');
    await expect(db.sql`update flow_versions set graph = '{}' where flow_id = 'f1'`).rejects.toThrow('flow_versions rows are immutable (UPDATE refused)');
    await expect(db.sql`delete from flow_versions where flow_id = 'f1'`).rejects.toThrow('flow_versions rows are immutable (DELETE refused)');
  });

  it('concurrent publishes get distinct version numbers', async () => {
    await createFlow(db.sql, { id: 'f1', graph: graph('F') });
    const other = db.connect(5);
    const versions = await Promise.all(Array.from({ length: 6 }, (_, i) => publishFlow(i % 2 ? other : db.sql, 'f1')));
    expect(versions.map((v) => v?.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await getFlow(db.sql, 'f1')).toMatchObject({ publishedVersion: 6 });
  });

  it('pause and resume; a draft cannot be paused or resumed', async () => {
    await createFlow(db.sql, { id: 'f1', graph: graph('F') });
    await expect(pauseFlow(db.sql, 'f1')).rejects.toThrow(new FlowStateError('flow f1 has never been published; publish it before you pause it'));
    await publishFlow(db.sql, 'f1');
    expect(await pauseFlow(db.sql, 'f1')).toMatchObject({ status: 'paused' });
    // Publishing while paused keeps it paused: resuming is a separate decision.
    await publishFlow(db.sql, 'f1');
    expect(await getFlow(db.sql, 'f1')).toMatchObject({ status: 'paused', publishedVersion: 2 });
    expect(await resumeFlow(db.sql, 'f1')).toMatchObject({ status: 'active' });
    expect(await pauseFlow(db.sql, 'nope')).toBeUndefined();
  });

  it('lists the published version of active flows for the dispatcher', async () => {
    await createFlow(db.sql, { id: 'active', graph: graph('A', [node('a')]) });
    await publishFlow(db.sql, 'active');
    await saveDraft(db.sql, 'active', graph('A draft'));
    await createFlow(db.sql, { id: 'paused', graph: graph('P') });
    await publishFlow(db.sql, 'paused');
    await pauseFlow(db.sql, 'paused');
    await createFlow(db.sql, { id: 'draft', graph: graph('D') });
    await createFlow(db.sql, { id: 'deleted', graph: graph('X') });
    await publishFlow(db.sql, 'deleted');
    await deleteFlow(db.sql, 'deleted');

    const active = await listActiveVersions(db.sql);
    expect(active.map((v) => ({ flowId: v.flowId, version: v.version, name: v.graph.name }))).toEqual([{ flowId: 'active', version: 1, name: 'A' }]);
    expect((await listFlows(db.sql)).map((f) => [f.id, f.status]).sort()).toEqual([
      ['active', 'active'],
      ['draft', 'draft'],
      ['paused', 'paused'],
    ]);
    expect(await getFlow(db.sql, 'deleted')).toBeUndefined();
    expect(await deleteFlow(db.sql, 'deleted')).toBe(false);
    // Its versions stay for the runs that used them.
    expect(await getFlowVersion(db.sql, 'deleted', 1)).toMatchObject({ version: 1 });
  });
});
