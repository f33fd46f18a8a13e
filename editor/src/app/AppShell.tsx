import { LogOut } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { createApiClient } from '../api/client';
import type { NodeTypeInfo } from '../api/types';
import { EditorPage } from '../pages/editor/EditorPage';
import { FlowsPage } from '../pages/flows/FlowsPage';
import { MessagesPage } from '../pages/messages/MessagesPage';
import { ApiProvider } from './api-context';
import type { Session } from './App';
import { errorMessage } from './error-message';
import { GuardedLink } from './GuardedLink';
import { flowsHref, messagesHref } from './hash-route';
import { NodeTypesProvider } from './node-types-context';
import { signOutOnUnauthorized } from './sign-out-on-unauthorized';
import { LoadError, Loading } from './Status';
import { ThemeToggle } from './ThemeToggle';
import { useHashRoute } from './use-hash-route';

export interface AppShellProps {
  session: Session;
  onSignOut(why?: string): void;
  onNodeTypes(nodeTypes: NodeTypeInfo[]): void;
}

/** The signed-in app: header, API client, node catalog and the page the URL names. */
export function AppShell({ session, onSignOut, onNodeTypes }: AppShellProps) {
  const { token, nodeTypes } = session;
  const api = useMemo(
    () =>
      signOutOnUnauthorized(
        createApiClient(() => token),
        (error) => onSignOut(`You were signed out: the server no longer accepts this admin token (${error.message}). Sign in again.`),
      ),
    [token, onSignOut],
  );
  const [loadError, setLoadError] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (nodeTypes) return;
    let current = true;
    api.nodeTypes().then(
      (types) => current && onNodeTypes(types),
      (error: unknown) => current && setLoadError(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [api, nodeTypes, onNodeTypes, attempt]);

  return (
    <ApiProvider api={api}>
      <div className="nf-app">
        <header className="nf-header">
          <GuardedLink className="nf-header__product" href={flowsHref}>
            Nudgeflow
          </GuardedLink>
          <nav aria-label="Main" className="nf-header__nav">
            <GuardedLink href={flowsHref}>Flows</GuardedLink>
            <GuardedLink href={messagesHref}>Messages</GuardedLink>
          </nav>
          <div className="nf-header__actions">
            <ThemeToggle />
            <button type="button" className="nf-button nf-button--ghost nf-button--small" onClick={() => onSignOut()}>
              <LogOut aria-hidden />
              Sign out
            </button>
          </div>
        </header>
        {nodeTypes ? (
          <NodeTypesProvider nodeTypes={nodeTypes}>
            <CurrentPage />
          </NodeTypesProvider>
        ) : loadError ? (
          <LoadError
            title="The node catalog could not be loaded"
            message={loadError}
            onRetry={() => {
              setLoadError(undefined);
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <Loading />
        )}
      </div>
    </ApiProvider>
  );
}

function CurrentPage() {
  const route = useHashRoute();
  switch (route.page) {
    case 'flows':
      return <FlowsPage />;
    case 'editor':
      return <EditorPage key={route.flowId} flowId={route.flowId} />;
    case 'messages':
      return <MessagesPage />;
    case 'not found':
      return (
        <main className="nf-page">
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{route.hash}</code>. <a href={flowsHref}>Go to the flows</a>.
          </p>
        </main>
      );
    default: {
      const unknown: never = route;
      throw new Error(`unknown route ${JSON.stringify(unknown)}`);
    }
  }
}
