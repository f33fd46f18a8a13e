import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { FlowDetail } from '../../api/types';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../app/error-message';
import { flowsHref } from '../../app/hash-route';
import { LoadError, Loading } from '../../app/Status';
import { editorRegistry } from '../../registry';
import { createFlowStore, FlowStoreProvider, type FlowStoreApi } from '../../store/flow-store';
import { TestSessionProvider } from '../../test-panel/session/test-session-context';
import { EditorWorkspace } from './EditorWorkspace';
import './editor.css';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; flow: FlowDetail; store: FlowStoreApi };

/** One flow open in the editor: its document store is made when the flow arrives, and lives as long as the page. */
export function EditorPage({ flowId }: { flowId: string }) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.getFlow(flowId).then(
      (flow) => {
        if (!current) return;
        const store = createFlowStore(editorRegistry);
        store.getState().load(flow.id, flow.graph, flow.problems);
        setLoaded({ state: 'ready', flow, store });
      },
      (error: unknown) => current && setLoaded({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, flowId, attempt]);

  if (loaded.state === 'loading') return <Loading label="Opening the flow…" />;
  if (loaded.state === 'failed') {
    return (
      <main className="nf-page">
        <LoadError
          title="The flow could not be opened"
          message={loaded.message}
          onRetry={() => {
            setLoaded({ state: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
        <p className="nf-state">
          <a href={flowsHref}>Back to flows</a>
        </p>
      </main>
    );
  }
  return (
    <FlowStoreProvider store={loaded.store}>
      <ReactFlowProvider>
        <TestSessionProvider>
          <EditorWorkspace flow={loaded.flow} />
        </TestSessionProvider>
      </ReactFlowProvider>
    </FlowStoreProvider>
  );
}
