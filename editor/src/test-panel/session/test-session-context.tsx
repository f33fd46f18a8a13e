import { useState, type ReactNode } from 'react';
import { storeContext } from '../../app/store-context';
import { createTestSessionStore, type TestSession, type TestSessionApi } from './test-session-store';

const session = storeContext<TestSession>('the test session', createTestSessionStore);

/** One test session per open flow: the editor page puts it above its toolbar, canvas and side panel. */
export function TestSessionProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createTestSessionStore);
  return <session.Context.Provider value={store}>{children}</session.Context.Provider>;
}

export const useTestSessionApi: () => TestSessionApi = session.useApi;
export const useTestSession = session.use;
/** A slice of the session, or of an idle one when there is none above (the canvas shows no test then). */
export const useOptionalTestSession = session.useOptional;
