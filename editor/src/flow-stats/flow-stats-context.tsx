import { useEffect, useState, type ReactNode } from 'react';
import { storeContext } from '../app/store-context';
import { useTestSessionApi } from '../test-panel/session/test-session-context';
import { createFlowStatsStore, type FlowStatsApi, type FlowStatsSession } from './flow-stats-store';

const stats = storeContext<FlowStatsSession>('the Stats panel', createFlowStatsStore);

/**
 * The Stats panel of the open flow: the editor page puts it above its toolbar, canvas and side
 * panel, inside the test session. Both panels take the same side slot, one at a time: the Stats
 * button closes the test, and the test opening closes the stats (here, so the Test button needs
 * to know nothing of stats).
 */
export function FlowStatsProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createFlowStatsStore);
  const testSession = useTestSessionApi();
  useEffect(
    () =>
      testSession.subscribe((session, before) => {
        if (session.open && !before.open) store.getState().closePanel();
      }),
    [testSession, store],
  );
  return <stats.Context.Provider value={store}>{children}</stats.Context.Provider>;
}

export const useFlowStatsApi: () => FlowStatsApi = stats.useApi;
export const useFlowStats = stats.use;
/** A slice of the stats, or of a closed panel when there is none above (the canvas shows no stats then). */
export const useOptionalFlowStats = stats.useOptional;
