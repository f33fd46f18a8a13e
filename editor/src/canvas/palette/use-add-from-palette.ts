import { useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorRegistry, useNodeTypes } from '../../app/node-types-context';
import { firstFreeOutput } from '../../store/connection-rules';
import { useFlowStoreApi } from '../../store/flow-store';
import { NODE_HEIGHT, NODE_WIDTH } from '../../store/layout';
import { nodeOutputs } from '../../store/node-outputs';
import { catalogDefaults } from '../drag-data';

/** Room between a node and the one added below it. */
const GAP_Y = 90;
const STEP_X = 280;

/**
 * Click (or Enter) on a palette item: the node goes below the selected node, connected from its
 * first free output, or in the middle of the view when nothing is selected. Keyboard users can
 * build a whole flow this way.
 */
export function useAddFromPalette() {
  const store = useFlowStoreApi();
  const xyflow = useStoreApi();
  const catalog = useNodeTypes();
  const registry = useEditorRegistry();

  return useCallback(
    (type: string) => {
      const { graph, selection } = store.getState();
      const defaults = catalogDefaults(type, catalog, registry);
      const selectedId = selection.nodeIds.length === 1 ? selection.nodeIds[0] : undefined;
      const from = selectedId === undefined ? undefined : graph.nodes.find((n) => n.id === selectedId);
      if (from) {
        const output = firstFreeOutput(graph, registry, from.id);
        const outputs = nodeOutputs(from, registry);
        const index = Math.max(0, outputs.findIndex((o) => o.id === output));
        const measured = xyflow.getState().nodeLookup.get(from.id)?.measured.height ?? NODE_HEIGHT;
        const position = { x: Math.round(from.position.x + (index - (outputs.length - 1) / 2) * STEP_X), y: Math.round(from.position.y + measured + GAP_Y) };
        store.getState().addNode(type, position, { ...defaults, ...(output === undefined ? {} : { from: { nodeId: from.id, sourceHandle: output } }) });
        return;
      }
      const { width, height, transform } = xyflow.getState();
      const [tx, ty, zoom] = transform;
      const center = { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
      store.getState().addNode(type, { x: Math.round(center.x - NODE_WIDTH / 2), y: Math.round(center.y - NODE_HEIGHT / 2) }, defaults);
    },
    [store, xyflow, catalog, registry],
  );
}
