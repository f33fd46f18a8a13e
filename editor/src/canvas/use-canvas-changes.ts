import type { Connection as XyConnection, EdgeChange, NodeChange, Edge } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { useFlowStoreApi } from '../store/flow-store';
import { dragUpdate, removedIds, selectedAfter, sizesAfter } from './canvas-changes';
import type { FlowEdgeView, FlowNodeView, Size } from './flow-elements';

/** xyflow's callbacks, wired to the store; measured sizes are the only state the canvas keeps itself. */
export function useCanvasChanges() {
  const store = useFlowStoreApi();
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNodeView>[]) => {
      setSizes((current) => sizesAfter(current, changes));
      const state = store.getState();
      const drag = dragUpdate(changes);
      if (drag) {
        state.moveNodes(drag.positions);
        if (drag.finished) state.commitMove();
      }
      const nodeIds = selectedAfter(state.selection.nodeIds, changes);
      if (nodeIds) state.select({ nodeIds });
      const removed = removedIds(changes);
      if (removed.length > 0) {
        state.select({ nodeIds: removed, edgeIds: [] });
        state.deleteSelection();
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdgeView>[]) => {
      const state = store.getState();
      const edgeIds = selectedAfter(state.selection.edgeIds, changes);
      if (edgeIds) state.select({ edgeIds });
      const removed = removedIds(changes);
      if (removed.length > 0) state.removeEdges(removed);
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: XyConnection) => {
      store.getState().connect({ source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target });
    },
    [store],
  );

  const isValidConnection = useCallback(
    (connection: XyConnection | Edge) =>
      store.getState().canConnect({ source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target }).ok,
    [store],
  );

  return { sizes, onNodesChange, onEdgesChange, onConnect, isValidConnection };
}
