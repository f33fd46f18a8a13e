import type { FlowGraph } from '@nudgeflow/shared';
import type { FlowStatus, FlowSummary as ApiFlowSummary, FlowVersion as ApiFlowVersion } from '@nudgeflow/shared/api';
import type { PortableNodeType } from '@nudgeflow/shared/plugins';
import { inTransaction, iso, jsonb, type Db } from './client';
import { newId } from './ids';

export type { FlowStatus };

/** A flow as stored, without what the API adds from its runs (activeRuns, unpublishedChanges). */
export type FlowSummary = Omit<ApiFlowSummary, 'activeRuns' | 'unpublishedChanges'>;

export interface FlowRecord extends FlowSummary {
  /** The graph being edited; may be invalid (validation is the API's job). */
  draft: FlowGraph;
}

/** The API's FlowVersion, with the pinned node types typed (the API shows them as plain JSON). */
export type FlowVersion = Omit<ApiFlowVersion, 'nodeTypes'> & {
  /** The custom node types the graph uses, as they were at publish: what its runs know of them. */
  nodeTypes: PortableNodeType[];
};

/** A state change the flow's status does not allow ("resume a flow that was never published"). */
export class FlowStateError extends Error {}

interface FlowRow {
  id: string;
  name: string;
  status: FlowStatus;
  published_version: number | null;
  created_at: Date;
  updated_at: Date;
  draft?: FlowGraph;
}

interface VersionRow {
  flow_id: string;
  version: number;
  graph: FlowGraph;
  node_types: PortableNodeType[];
  published_at: Date;
}

const toSummary = (row: FlowRow): FlowSummary => ({
  id: row.id,
  name: row.name,
  status: row.status,
  ...(row.published_version !== null ? { publishedVersion: row.published_version } : {}),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const toRecord = (row: FlowRow & { draft: FlowGraph }): FlowRecord => ({ ...toSummary(row), draft: row.draft });

const toVersion = (row: VersionRow): FlowVersion => ({
  flowId: row.flow_id,
  version: row.version,
  graph: row.graph,
  nodeTypes: row.node_types,
  publishedAt: iso(row.published_at),
});

/** A new draft flow. `name` (if given) renames the graph; the flow's name is always its graph's. */
export async function createFlow(db: Db, input: { graph: FlowGraph; name?: string; id?: string }): Promise<FlowRecord> {
  const draft = input.name === undefined ? input.graph : { ...input.graph, name: input.name };
  const [row] = await db<(FlowRow & { draft: FlowGraph })[]>`
    insert into flows (id, name, draft) values (${input.id ?? newId('flow')}, ${draft.name}, ${jsonb(db, draft)})
    returning *`;
  if (!row) throw new Error('insert into flows returned no row');
  return toRecord(row);
}

/** A flow that is not deleted. */
export async function getFlow(db: Db, id: string): Promise<FlowRecord | undefined> {
  const [row] = await db<(FlowRow & { draft: FlowGraph })[]>`select * from flows where id = ${id} and deleted_at is null`;
  return row ? toRecord(row) : undefined;
}

/** Flows that are not deleted, most recently changed first (without their graphs). */
export async function listFlows(db: Db, filter: { status?: FlowStatus } = {}): Promise<FlowSummary[]> {
  const rows = await db<FlowRow[]>`
    select id, name, status, published_version, created_at, updated_at from flows
    where deleted_at is null ${filter.status ? db`and status = ${filter.status}` : db``}
    order by updated_at desc, id`;
  return rows.map(toSummary);
}

/** Replaces the draft graph; published versions and running contacts are untouched. */
export async function saveDraft(db: Db, id: string, graph: FlowGraph): Promise<FlowRecord | undefined> {
  const [row] = await db<(FlowRow & { draft: FlowGraph })[]>`
    update flows set draft = ${jsonb(db, graph)}, name = ${graph.name}, updated_at = now()
    where id = ${id} and deleted_at is null
    returning *`;
  return row ? toRecord(row) : undefined;
}

/** What a publish stores instead of the draft as it is: the draft with plugin configs brought up to date, and the plugin types it uses. */
export interface PublishPins {
  /** Maps the locked draft to the graph to store (custom node configs migrated to their type's current version). */
  pin(draft: FlowGraph): { graph: FlowGraph; nodeTypes: PortableNodeType[] };
}

/**
 * Publishes the current draft as the next immutable version and makes the flow active (a paused
 * flow stays paused). The caller validates the draft first. Undefined when there is no such flow.
 */
export async function publishFlow(db: Db, id: string, pins?: PublishPins): Promise<FlowVersion | undefined> {
  return inTransaction(db, async (tx) => {
    // The row lock orders concurrent publishes: each gets its own version number.
    const [flow] = await tx<{ draft: FlowGraph; status: FlowStatus }[]>`
      select draft, status from flows where id = ${id} and deleted_at is null for update`;
    if (!flow) return undefined;
    const { graph, nodeTypes } = pins ? pins.pin(flow.draft) : { graph: flow.draft, nodeTypes: [] };
    const [row] = await tx<VersionRow[]>`
      insert into flow_versions (flow_id, version, graph, node_types)
      values (${id}, (select coalesce(max(version), 0) + 1 from flow_versions where flow_id = ${id}), ${jsonb(tx, graph)}, ${jsonb(tx, nodeTypes)})
      returning *`;
    if (!row) throw new Error('insert into flow_versions returned no row');
    const status: FlowStatus = flow.status === 'paused' ? 'paused' : 'active';
    await tx`update flows set published_version = ${row.version}, status = ${status}, updated_at = now() where id = ${id}`;
    return toVersion(row);
  });
}

async function setStatus(db: Db, id: string, to: 'active' | 'paused'): Promise<FlowRecord | undefined> {
  return inTransaction(db, async (tx) => {
    const [flow] = await tx<{ status: FlowStatus }[]>`select status from flows where id = ${id} and deleted_at is null for update`;
    if (!flow) return undefined;
    if (flow.status === 'draft')
      throw new FlowStateError(`flow ${id} has never been published; publish it before you ${to === 'active' ? 'resume' : 'pause'} it`);
    const [row] = await tx<(FlowRow & { draft: FlowGraph })[]>`
      update flows set status = ${to}, updated_at = case when status = ${to} then updated_at else now() end
      where id = ${id} returning *`;
    return row ? toRecord(row) : undefined;
  });
}

/** No new entries; contacts already in a run carry on. */
export const pauseFlow = (db: Db, id: string) => setStatus(db, id, 'paused');
export const resumeFlow = (db: Db, id: string) => setStatus(db, id, 'active');

/** Soft delete: the flow disappears from lists and dispatch; its versions, runs and messages stay. */
export async function deleteFlow(db: Db, id: string): Promise<boolean> {
  const rows = await db`update flows set deleted_at = now(), updated_at = now() where id = ${id} and deleted_at is null returning id`;
  return rows.length > 0;
}

export async function getFlowVersion(db: Db, flowId: string, version: number): Promise<FlowVersion | undefined> {
  const [row] = await db<VersionRow[]>`select * from flow_versions where flow_id = ${flowId} and version = ${version}`;
  return row ? toVersion(row) : undefined;
}

/** A flow's versions, newest first. */
export async function listFlowVersions(db: Db, flowId: string): Promise<FlowVersion[]> {
  const rows = await db<VersionRow[]>`select * from flow_versions where flow_id = ${flowId} order by version desc`;
  return rows.map(toVersion);
}

/** What the dispatcher routes events to: the published version of every active flow. */
export async function listActiveVersions(db: Db): Promise<FlowVersion[]> {
  const rows = await db<VersionRow[]>`
    select v.* from flows f
    join flow_versions v on v.flow_id = f.id and v.version = f.published_version
    where f.status = 'active' and f.deleted_at is null
    order by f.id`;
  return rows.map(toVersion);
}
