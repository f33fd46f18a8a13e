import type { Connection as XyConnection, EdgeChange, NodeChange, Edge } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { useFlowStoreApi } from '../store/flow-store';
import { dragUpdate, movingAfter, removedIds, selectedAfter, type Moving } from './canvas-changes';
import type { FlowEdgeView, FlowNodeView } from './flow-elements';

const notMoving: Moving = new Map();

/**
 * xyflow's callbacks, wired to the store. The canvas keeps only the positions of a drag in
 * progress itself (the drag reaches the store as one move, one undo step, when it ends); measured
 * sizes go to `noteSizes`.
 */
export function useCanvasChanges(noteSizes: (changes: NodeChange<FlowNodeView>[]) => void) {
  const store = useFlowStoreApi();
  const [moving, setMoving] = useState<Moving>(notMoving);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNodeView>[]) => {
      noteSizes(changes);
      const state = store.getState();
      const drag = dragUpdate(changes);
      if (drag) {
        setMoving((current) => movingAfter(current, drag));
        if (drag.finished) {
          state.moveNodes(drag.positions);
          state.commitMove();
        }
      }
      const nodeIds = selectedAfter(state.selection.nodeIds, changes);
      if (nodeIds) state.select({ nodeIds });
      const removed = removedIds(changes);
      if (removed.length > 0) {
        state.select({ nodeIds: removed, edgeIds: [] });
        state.deleteSelection();
      }
    },
    [store, noteSizes],
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

  return { moving, onNodesChange, onEdgesChange, onConnect, isValidConnection };
}
