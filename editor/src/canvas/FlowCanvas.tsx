import { Background, BackgroundVariant, ConnectionLineType, Controls, MarkerType, ReactFlow, useStore, type DefaultEdgeOptions, type ReactFlowState } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useEditorRegistry, useNodeTypeMap } from '../app/node-types-context';
import { useDescriptionsVersion, useNodeDescriptions } from '../plugin-nodes/descriptions-context';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store';
import './canvas.css';
import { ConnectionHint } from './ConnectionHint';
import { createFlowElements, type FlowEdgeView, type FlowNodeView } from './flow-elements';
import { FlowEdge } from './FlowEdge';
import { FlowNode } from './FlowNode';
import { nodeById } from './graph-index';
import { FlowMiniMap } from './minimap/FlowMiniMap';
import './node.css';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useCanvasChanges } from './use-canvas-changes';
import { useCanvasShortcuts } from './use-canvas-shortcuts';
import { MIN_ZOOM, useOpeningViewport } from './use-opening-viewport';
import { usePaletteDrop } from './use-palette-drop';

const nodeTypes = { flowNode: FlowNode };
const edgeTypes = { flowEdge: FlowEdge };
const defaultEdgeOptions: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: 'var(--nf-edge)' } };
/** Past this many nodes, off-screen ones are not rendered: panning a 500-node flow stays smooth. */
const VIRTUALIZE_AFTER = 150;
/**
 * Below this zoom a node's text is under 5 px, unreadable: nodes are drawn as coloured blocks
 * and the dotted background (its dots smaller than a pixel by then) is left out. Painting the
 * text, icons, shadows and dots of a zoomed-out view was a large part of each frame of a pan.
 */
const FAR_ZOOM = 0.35;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/** The drawing surface: the graph from the store, shown and edited through xyflow. */
export function FlowCanvas() {
  const store = useFlowStoreApi();
  const types = useNodeTypeMap();
  const registry = useEditorRegistry();
  const descriptions = useNodeDescriptions();
  // Views are rebuilt only for nodes whose description changed; the version says when to look.
  const described = useDescriptionsVersion();
  const elements = useMemo(() => createFlowElements(registry, (node) => descriptions.shown(node)), [registry, descriptions]);
  const graph = useFlowStore((s) => s.graph);
  const selection = useFlowStore((s) => s.selection);
  const { moving, ...handlers } = useCanvasChanges(elements.noteSizes);
  const { dropEdgeId, ...dropHandlers } = usePaletteDrop();
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const shortcuts = useCanvasShortcuts(openHelp);
  const surface = useRef<HTMLElement>(null);
  const far = useStore(isFar);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `described`: the views read the descriptions through `elements`
  const nodes = useMemo(() => elements.toNodes(graph, selection, types, moving), [elements, graph, selection, types, moving, described]);
  const { viewport: opening, measure } = useOpeningViewport(nodes);
  const canvasRef = useCallback(
    (element: HTMLElement | null) => {
      surface.current = element;
      measure(element);
    },
    [measure],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const derivedEdges = useMemo(() => elements.toEdges(graph, selection, types), [elements, graph, selection, types, described]);
  const edges = useMemo(
    () => (dropEdgeId ? derivedEdges.map((e) => (e.id === dropEdgeId ? { ...e, className: 'nf-edge--drop-target' } : e)) : derivedEdges),
    [derivedEdges, dropEdgeId],
  );
  // Read from the store, not the rendered graph: the callback stays the same while the flow changes.
  const miniMapColor = useCallback(
    (node: FlowNodeView) => {
      const graphNode = nodeById(store.getState().graph, node.id);
      return (graphNode && types.get(graphNode.type)?.color) || 'var(--nf-text-muted)';
    },
    [store, types],
  );

  // Clicking the empty canvas focuses it, so shortcuts and paste reach it.
  const focusSurface = useCallback((event: PointerEvent) => {
    const element = surface.current;
    const onControl = event.target instanceof Element && event.target.closest('button, input, a, [tabindex]:not(.nf-canvas)') !== null;
    if (element && !onControl) element.focus({ preventScroll: true });
  }, []);

  return (
    <>
      <section ref={canvasRef} className={far ? 'nf-canvas nf-canvas--far' : 'nf-canvas'} aria-label="Flow canvas" tabIndex={-1} onPointerDownCapture={focusSurface} {...shortcuts}>
        {opening ? (
          <ReactFlow<FlowNodeView, FlowEdgeView>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            {...handlers}
            {...dropHandlers}
            defaultEdgeOptions={defaultEdgeOptions}
            connectionLineType={ConnectionLineType.SmoothStep}
            deleteKeyCode={null}
            multiSelectionKeyCode={['Meta', 'Control']}
            defaultViewport={opening}
            minZoom={MIN_ZOOM}
            maxZoom={2}
            onlyRenderVisibleElements={graph.nodes.length > VIRTUALIZE_AFTER}
          >
            {far ? null : <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} />}
            <FlowMiniMap nodes={nodes} colorOf={miniMapColor} label="Overview of the flow" />
            <Controls showInteractive={false} />
            <ConnectionHint />
          </ReactFlow>
        ) : null}
      </section>
      {/* Outside the section: keys pressed in the dialog must not reach the canvas shortcuts. */}
      {helpOpen ? <ShortcutsDialog onClose={() => setHelpOpen(false)} /> : null}
    </>
  );
}
