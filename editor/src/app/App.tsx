import { useCallback, useState } from 'react';
import type { NodeTypeInfo } from '../api/types';
import { AppShell } from './AppShell';
import { forgetToken, savedToken, saveToken } from './auth-token';
import { LoginPage } from './LoginPage';

export interface Session {
  token: string;
  /** Loaded once per sign-in (by the login screen, or by the shell after a reload). */
  nodeTypes?: NodeTypeInfo[];
}

/** Signed in or not: the login screen, or the app with its API client and node catalog. */
export function App() {
  const [session, setSession] = useState<Session | undefined>(() => {
    const token = savedToken();
    return token ? { token } : undefined;
  });
  const [notice, setNotice] = useState<string>();

  const signIn = useCallback((token: string, nodeTypes: NodeTypeInfo[]) => {
    saveToken(token);
    setNotice(undefined);
    setSession({ token, nodeTypes });
  }, []);

  const signOut = useCallback((why?: string) => {
    forgetToken();
    setNotice(why);
    setSession(undefined);
  }, []);

  const nodeTypesLoaded = useCallback((nodeTypes: NodeTypeInfo[]) => setSession((s) => (s ? { ...s, nodeTypes } : s)), []);

  if (!session) return <LoginPage onSignedIn={signIn} {...(notice ? { notice } : {})} />;
  return <AppShell key={session.token} session={session} onSignOut={signOut} onNodeTypes={nodeTypesLoaded} />;
}
