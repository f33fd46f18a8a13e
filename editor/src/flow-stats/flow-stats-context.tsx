import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useTestSessionApi } from '../test-panel/session/test-session-context';
import { createFlowStatsStore, type FlowStatsApi, type FlowStatsSession } from './flow-stats-store';

const FlowStatsContext = createContext<FlowStatsApi | undefined>(undefined);

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
  return <FlowStatsContext.Provider value={store}>{children}</FlowStatsContext.Provider>;
}

export function useFlowStatsApi(): FlowStatsApi {
  const store = useContext(FlowStatsContext);
  if (!store) throw new Error('useFlowStatsApi() needs a <FlowStatsProvider> above it');
  return store;
}

export function useFlowStats<T>(selector: (state: FlowStatsSession) => T): T {
  return useStore(useFlowStatsApi(), selector);
}

// The canvas is drawn outside the editor page too: there it shows no stats.
const noStats = createFlowStatsStore();

/** A slice of the stats, or of a closed panel when there is none above. */
export function useOptionalFlowStats<T>(selector: (state: FlowStatsSession) => T): T {
  return useStore(useContext(FlowStatsContext) ?? noStats, selector);
}
