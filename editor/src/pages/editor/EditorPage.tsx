import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { FlowDetail } from '../../api/types';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../app/error-message';
import { flowsHref } from '../../app/hash-route';
import { useEditorRegistry, usePluginTypes } from '../../app/node-types-context';
import { LoadError, Loading } from '../../app/Status';
import { FlowStatsProvider } from '../../flow-stats/flow-stats-context';
import { withDescribedProblems } from '../../plugin-nodes/described-problems';
import { NodeDescriptionsProvider } from '../../plugin-nodes/descriptions-context';
import { NodeDescriptions } from '../../plugin-nodes/node-descriptions';
import { useDescribeNodes } from '../../plugin-nodes/use-describe-nodes';
import { createFlowStore, FlowStoreProvider, type FlowStoreApi } from '../../store/flow-store';
import { graphProblems } from '../../store/problems';
import { TestSessionProvider } from '../../test-panel/session/test-session-context';
import { EditorWorkspace } from './EditorWorkspace';
import './editor.css';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; flow: FlowDetail; store: FlowStoreApi; descriptions: NodeDescriptions };

/** One flow open in the editor: its document store is made when the flow arrives, and lives as long as the page. */
export function EditorPage({ flowId }: { flowId: string }) {
  const api = useApi();
  const registry = useEditorRegistry();
  const pluginTypes = usePluginTypes();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.getFlow(flowId).then(
      (flow) => {
        if (!current) return;
        const descriptions = new NodeDescriptions({ types: pluginTypes, describe: api.describeNodes });
        const problems = (graph: FlowDetail['graph']) => withDescribedProblems(graphProblems(graph, registry), graph, (node) => descriptions.current(node));
        const store = createFlowStore(registry, descriptions.active ? { problems } : {});
        store.getState().load(flow.id, flow.graph, flow.problems);
        setLoaded({ state: 'ready', flow, store, descriptions });
      },
      (error: unknown) => current && setLoaded({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, flowId, attempt, registry, pluginTypes]);

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
  return <LoadedEditor flow={loaded.flow} store={loaded.store} descriptions={loaded.descriptions} />;
}

function LoadedEditor({ flow, store, descriptions }: { flow: FlowDetail; store: FlowStoreApi; descriptions: NodeDescriptions }) {
  useDescribeNodes(store, descriptions);
  return (
    <FlowStoreProvider store={store}>
      <NodeDescriptionsProvider descriptions={descriptions}>
        <ReactFlowProvider>
          <TestSessionProvider>
            <FlowStatsProvider>
              <EditorWorkspace flow={flow} />
            </FlowStatsProvider>
          </TestSessionProvider>
        </ReactFlowProvider>
      </NodeDescriptionsProvider>
    </FlowStoreProvider>
  );
}
