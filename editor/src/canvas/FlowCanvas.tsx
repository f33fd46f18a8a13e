import { Background, BackgroundVariant, ConnectionLineType, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, type DefaultEdgeOptions, type MiniMapNodeProps } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useNodeTypes } from '../app/node-types-context';
import { editorRegistry } from '../registry';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store';
import './canvas.css';
import { ConnectionHint } from './ConnectionHint';
import { createFlowElements, type FlowEdgeView, type FlowNodeView } from './flow-elements';
import { FlowEdge } from './FlowEdge';
import { FlowNode } from './FlowNode';
import { nodeById } from './graph-index';
import './node.css';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useCanvasChanges } from './use-canvas-changes';
import { useCanvasShortcuts } from './use-canvas-shortcuts';
import { usePaletteDrop } from './use-palette-drop';

const nodeTypes = { flowNode: FlowNode };
const edgeTypes = { flowEdge: FlowEdge };
const defaultEdgeOptions: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: 'var(--nf-edge)' } };
const fitViewOptions = { padding: 0.2, maxZoom: 1 };
/** Past this many nodes, off-screen ones are not rendered: panning a 500-node flow stays smooth. */
const VIRTUALIZE_AFTER = 150;

function MiniMapNode({ x, y, width, height, color, selected }: MiniMapNodeProps) {
  return <rect x={x} y={y} width={width} height={height} rx={6} fill={color} opacity={selected ? 1 : 0.7} />;
}

/** The drawing surface: the graph from the store, shown and edited through xyflow. */
export function FlowCanvas() {
  const store = useFlowStoreApi();
  const catalog = useNodeTypes();
  const types = useMemo(() => new Map(catalog.map((t) => [t.type, t])), [catalog]);
  const elements = useMemo(() => createFlowElements(editorRegistry), []);
  const graph = useFlowStore((s) => s.graph);
  const selection = useFlowStore((s) => s.selection);
  const flowId = useFlowStore((s) => s.flowId);
  const { sizes, ...handlers } = useCanvasChanges();
  const { dropEdgeId, ...dropHandlers } = usePaletteDrop();
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const shortcuts = useCanvasShortcuts(openHelp);
  const { fitView } = useReactFlow();
  const surface = useRef<HTMLElement>(null);

  const nodes = useMemo(() => elements.toNodes(graph, selection, sizes, types), [elements, graph, selection, sizes, types]);
  const derivedEdges = useMemo(() => elements.toEdges(graph, selection, types), [elements, graph, selection, types]);
  const edges = useMemo(
    () => (dropEdgeId ? derivedEdges.map((e) => (e.id === dropEdgeId ? { ...e, className: 'nf-edge--drop-target' } : e)) : derivedEdges),
    [derivedEdges, dropEdgeId],
  );
  // Read from the store, not the rendered graph, so the callback stays the same during a drag
  // and the minimap does not redraw all 500 nodes on every frame.
  const miniMapColor = useCallback(
    (node: FlowNodeView) => {
      const graphNode = nodeById(store.getState().graph, node.id);
      return (graphNode && types.get(graphNode.type)?.color) || 'var(--nf-text-muted)';
    },
    [store, types],
  );

  // A newly opened flow is shown whole; xyflow waits until its nodes are measured. An empty one is
  // not: xyflow would fit to the first node dropped, and the view would jump under the pointer.
  const opensEmpty = useMemo(() => store.getState().graph.nodes.length === 0, [store, flowId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!opensEmpty) void fitView(fitViewOptions);
  }, [flowId, fitView, opensEmpty]);

  // Clicking the empty canvas focuses it, so shortcuts and paste reach it.
  const focusSurface = useCallback((event: PointerEvent) => {
    const element = surface.current;
    const onControl = event.target instanceof Element && event.target.closest('button, input, a, [tabindex]:not(.nf-canvas)') !== null;
    if (element && !onControl) element.focus({ preventScroll: true });
  }, []);

  return (
    <>
      <section ref={surface} className="nf-canvas" aria-label="Flow canvas" tabIndex={-1} onPointerDownCapture={focusSurface} {...shortcuts}>
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
          fitView={!opensEmpty}
          fitViewOptions={fitViewOptions}
          minZoom={0.1}
          maxZoom={2}
          onlyRenderVisibleElements={graph.nodes.length > VIRTUALIZE_AFTER}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} />
          <MiniMap<FlowNodeView> pannable zoomable ariaLabel="Overview of the flow" nodeColor={miniMapColor} nodeComponent={MiniMapNode} />
          <Controls showInteractive={false} />
          <ConnectionHint />
        </ReactFlow>
      </section>
      {/* Outside the section: keys pressed in the dialog must not reach the canvas shortcuts. */}
      {helpOpen ? <ShortcutsDialog onClose={() => setHelpOpen(false)} /> : null}
    </>
  );
}
