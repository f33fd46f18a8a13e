import { validate, type NodeRegistry } from '@nudgeflow/shared';
import type { FlowDetail, FlowSummary as FlowListItem } from '@nudgeflow/shared/api';
import type { Db, FlowRecord, FlowSummary } from '../../db';
import { withMjmlProblems } from '../../email/mjml-problems';
import { flowActivity, type FlowActivity } from './queries';

const noActivity: FlowActivity = { activeRuns: 0, unpublishedChanges: true };

export function flowListItem(flow: FlowSummary, activity: FlowActivity | undefined): FlowListItem {
  return { ...flow, ...(activity ?? noActivity) };
}

/** A flow as the editor opens it: the draft with its problems from the validator. */
export async function flowDetail(db: Db, registry: NodeRegistry, flow: FlowRecord): Promise<FlowDetail> {
  const { draft, ...summary } = flow;
  const activity = (await flowActivity(db, flow.id)).get(flow.id) ?? noActivity;
  const { ok, problems } = await withMjmlProblems(validate(draft, registry), registry);
  return { ...summary, activeRuns: activity.activeRuns, graph: draft, valid: ok, problems };
}
