import type { FlowStats } from '@nudgeflow/shared/api';
import type { ApiClient } from '../api/client';

export type { FlowStats, MessageCounts, NodeStats } from '@nudgeflow/shared/api';

/** The periods the Stats panel offers, in days; the API takes any 1-365. */
export const statsPeriods = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
] as const;

export type StatsDays = (typeof statsPeriods)[number]['days'];

export const DEFAULT_STATS_DAYS: StatsDays = 30;

export function flowStatsPath(flowId: string, days: StatsDays): string {
  return `/api/flows/${encodeURIComponent(flowId)}/stats?days=${days}`;
}

/** How the published flow did with real contacts (test runs never count) over the last `days` days. */
export function fetchFlowStats(api: ApiClient, flowId: string, days: StatsDays): Promise<FlowStats> {
  return api.call<FlowStats>('GET', flowStatsPath(flowId, days));
}
