import type { FlowGraph } from '@nudgeflow/shared';
import type { Db, Tx } from '../../db';

export interface FlowActivity {
  /** Runs running or waiting, test runs left out. */
  activeRuns: number;
  /** The draft differs from the published version (or nothing is published). */
  unpublishedChanges: boolean;
}

/** What the flow list shows beside each flow, for one flow or all that are not deleted. */
export async function flowActivity(db: Db, flowId?: string): Promise<Map<string, FlowActivity>> {
  const rows = await db<{ id: string; active_runs: number; unpublished_changes: boolean }[]>`
    select f.id,
      (select count(*)::int from runs r where r.flow_id = f.id and r.status in ('running', 'waiting') and not r.test) as active_runs,
      v.graph is distinct from f.draft as unpublished_changes
    from flows f
    left join flow_versions v on v.flow_id = f.id and v.version = f.published_version
    where f.deleted_at is null ${flowId !== undefined ? db`and f.id = ${flowId}` : db``}`;
  return new Map(rows.map((r) => [r.id, { activeRuns: r.active_runs, unpublishedChanges: r.unpublished_changes }]));
}

/** The draft under a row lock, so that it cannot change between validating and publishing it. */
export async function lockDraft(tx: Tx, flowId: string): Promise<FlowGraph | undefined> {
  const [row] = await tx<{ draft: FlowGraph }[]>`select draft from flows where id = ${flowId} and deleted_at is null for update`;
  return row?.draft;
}
