import { useEffect } from 'react';
import type { FlowStoreApi } from '../store/flow-store';
import type { NodeDescriptions } from './node-descriptions';

/**
 * Keeps the server's descriptions in step with the draft: every change of its nodes may want new
 * ones, and every answer may change the draft's problems.
 */
export function useDescribeNodes(store: FlowStoreApi, descriptions: NodeDescriptions): void {
  useEffect(() => {
    if (!descriptions.active) return;
    descriptions.want(store.getState().graph.nodes);
    const stopWatching = store.subscribe((state, previous) => {
      if (state.graph.nodes !== previous.graph.nodes) descriptions.want(state.graph.nodes);
    });
    const stopListening = descriptions.subscribe(() => store.getState().refreshProblems());
    return () => {
      stopWatching();
      stopListening();
      descriptions.cancel();
    };
  }, [store, descriptions]);
}
