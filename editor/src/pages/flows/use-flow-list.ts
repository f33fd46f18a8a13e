import { useCallback, useEffect, useState } from 'react';
import type { FlowSummary } from '../../api/types';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../app/error-message';

export type FlowList = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; flows: FlowSummary[] };

/** GET /api/flows, and a reload for after each change; a reload keeps the current rows on screen. */
export function useFlowList(): { list: FlowList; reload(): Promise<void> } {
  const api = useApi();
  const [list, setList] = useState<FlowList>({ state: 'loading' });

  const reload = useCallback(async () => {
    try {
      const flows = await api.listFlows();
      setList({ state: 'ready', flows });
    } catch (error) {
      setList({ state: 'failed', message: errorMessage(error) });
    }
  }, [api]);

  useEffect(() => {
    let current = true;
    api.listFlows().then(
      (flows) => current && setList({ state: 'ready', flows }),
      (error: unknown) => current && setList({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  return { list, reload };
}
