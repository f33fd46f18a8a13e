import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createTestSessionStore, type TestSession, type TestSessionApi } from './test-session-store';

const TestSessionContext = createContext<TestSessionApi | undefined>(undefined);

/** One test session per open flow: the editor page puts it above its toolbar, canvas and side panel. */
export function TestSessionProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createTestSessionStore);
  return <TestSessionContext.Provider value={store}>{children}</TestSessionContext.Provider>;
}

export function useTestSessionApi(): TestSessionApi {
  const store = useContext(TestSessionContext);
  if (!store) throw new Error('useTestSessionApi() needs a <TestSessionProvider> above it');
  return store;
}

export function useTestSession<T>(selector: (state: TestSession) => T): T {
  return useStore(useTestSessionApi(), selector);
}

// The canvas is drawn without a session too (a flow outside the editor page): it then shows no test.
const noSession = createTestSessionStore();

/** A slice of the session, or of an idle one when there is none above. */
export function useOptionalTestSession<T>(selector: (state: TestSession) => T): T {
  return useStore(useContext(TestSessionContext) ?? noSession, selector);
}
