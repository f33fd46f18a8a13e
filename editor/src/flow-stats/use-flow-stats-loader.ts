import { useEffect } from 'react';
import { useApi } from '../app/api-context';
import { errorMessage } from '../app/error-message';
import { useFlowStats, useFlowStatsApi } from './flow-stats-context';
import { fetchFlowStats } from './stats-api';

/** Fetches the stats whenever the panel asks (opened, another period, Refresh); an answer that comes too late is dropped. */
export function useFlowStatsLoader(flowId: string): void {
  const api = useApi();
  const store = useFlowStatsApi();
  const open = useFlowStats((s) => s.open);
  const days = useFlowStats((s) => s.days);
  const attempt = useFlowStats((s) => s.attempt);

  useEffect(() => {
    if (!open) return;
    let current = true;
    fetchFlowStats(api, flowId, days).then(
      (stats) => current && store.getState().loaded(days, stats),
      (error: unknown) => current && store.getState().failed(days, errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [api, store, flowId, open, days, attempt]);
}
