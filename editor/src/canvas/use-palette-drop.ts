import { useReactFlow } from '@xyflow/react';
import { useCallback, useState, type DragEvent } from 'react';
import { useFlowStoreApi } from '../store/flow-store';
import { NODE_HEIGHT, NODE_WIDTH } from '../store/layout';
import { useEditorRegistry, useNodeTypes } from '../app/node-types-context';
import { catalogDefaults, NODE_DRAG_TYPE, edgeIdAt } from './drag-data';

/**
 * Dropping a palette item on the canvas adds that node under the pointer; dropping it on an
 * edge inserts it there. The edge under the pointer is highlighted while dragging.
 */
export function usePaletteDrop() {
  const store = useFlowStoreApi();
  const catalog = useNodeTypes();
  const registry = useEditorRegistry();
  const { screenToFlowPosition } = useReactFlow();
  const [dropEdgeId, setDropEdgeId] = useState<string>();

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    const edgeId = edgeIdAt(event.clientX, event.clientY);
    setDropEdgeId((current) => (current === edgeId ? current : edgeId));
  }, []);

  const onDragLeave = useCallback((event: DragEvent) => {
    // Leaving for a child of the canvas is not leaving the canvas.
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    setDropEdgeId(undefined);
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
      setDropEdgeId(undefined);
      if (!type) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const onEdgeId = edgeIdAt(event.clientX, event.clientY);
      // The pointer holds the node by its middle.
      const position = { x: Math.round(point.x - NODE_WIDTH / 2), y: Math.round(point.y - NODE_HEIGHT / 2) };
      store.getState().addNode(type, position, { ...catalogDefaults(type, catalog, registry), ...(onEdgeId ? { onEdgeId } : {}) });
    },
    [screenToFlowPosition, store, catalog, registry],
  );

  return { dropEdgeId, onDragOver, onDragLeave, onDrop };
}
