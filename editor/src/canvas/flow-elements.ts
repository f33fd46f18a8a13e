import type { FlowGraph, GraphEdge, GraphNode, NodeRegistry } from '@nudgeflow/shared';
import type { Edge, Node, NodeChange, XYPosition } from '@xyflow/react';
import type { NodeDescription, NodeTypeInfo } from '../api/types';
import { edgeOutput } from '../store/connection-rules';
import type { Selection } from '../store/types';
import { nodeDisplay, type NodeDisplay } from './node-display';
import { nodeGeometry } from './node-geometry';

export interface FlowNodeData extends Record<string, unknown> {
  nodeId: string;
}
export interface FlowEdgeData extends Record<string, unknown> {
  /** The source output's label, shown on edges that leave a node with several outputs. */
  label?: string;
}
export type FlowNodeView = Node<FlowNodeData, 'flowNode'>;
export type FlowEdgeView = Edge<FlowEdgeData, 'flowEdge'>;

export interface Size {
  width: number;
  height: number;
}

const noMoves: ReadonlyMap<string, XYPosition> = new Map();

/**
 * Size and handles for a node xyflow has not measured: without them it would draw every node of
 * the flow once to measure it, in view or not. Once measured, xyflow's handle bounds are kept.
 */
function estimated(display: NodeDisplay): Pick<FlowNodeView, 'initialWidth' | 'initialHeight' | 'handles'> {
  const { width, height, handles } = nodeGeometry(display);
  return { initialWidth: width, initialHeight: height, handles };
}

/**
 * Derives xyflow's nodes and edges from the graph, one way (plus the positions of a drag in
 * progress, which reach the graph when it ends). Each view object is reused while its graph node
 * (or edge) and selection state are unchanged: xyflow then skips it, so a drag or an edit touches
 * one node's view, not 500.
 */
export function createFlowElements(registry: NodeRegistry, describedOf: (node: GraphNode) => NodeDescription | undefined = () => undefined) {
  const nodeViews = new WeakMap<GraphNode, { selected: boolean; info: NodeTypeInfo | undefined; described: NodeDescription | undefined; view: FlowNodeView }>();
  const display = (node: GraphNode, info: NodeTypeInfo | undefined) => nodeDisplay(node, registry, info, describedOf(node));
  const edgeViews = new WeakMap<GraphEdge, { selected: boolean; label: string | undefined; view: FlowEdgeView }>();
  /*
   * What xyflow measured. xyflow keeps a measured node for as long as its view object stays the
   * same, so a measurement needs no new views (no re-render of the canvas as nodes scroll into
   * view); a view built later carries the size, or xyflow would forget it and measure again.
   */
  const sizes = new Map<string, Size>();

  function noteSizes(changes: readonly NodeChange<FlowNodeView>[]): void {
    for (const change of changes) {
      if (change.type !== 'dimensions' || !change.dimensions) continue;
      const { width, height } = change.dimensions;
      const old = sizes.get(change.id);
      if (!old || old.width !== width || old.height !== height) sizes.set(change.id, { width, height });
    }
  }

  function toNodes(graph: FlowGraph, selection: Selection, types: ReadonlyMap<string, NodeTypeInfo>, moving: ReadonlyMap<string, XYPosition> = noMoves): FlowNodeView[] {
    const selected = new Set(selection.nodeIds);
    return graph.nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const info = types.get(node.type);
      const position = moving.get(node.id);
      // A dragged node's view is new on every move anyway; it must carry the size measured meanwhile.
      if (position) return { ...buildView(node, isSelected, info), position, dragging: true };
      const cached = nodeViews.get(node);
      const described = describedOf(node);
      // A size measured since the view was built does not make a new view: xyflow has it already.
      if (cached && cached.selected === isSelected && cached.info === info && cached.described === described) return cached.view;
      const view = buildView(node, isSelected, info);
      nodeViews.set(node, { selected: isSelected, info, described, view });
      return view;
    });
  }

  function buildView(node: GraphNode, selected: boolean, info: NodeTypeInfo | undefined): FlowNodeView {
    const size = sizes.get(node.id);
    const shown = display(node, info);
    return {
      id: node.id,
      type: 'flowNode',
      position: node.position,
      data: { nodeId: node.id },
      selected,
      ariaLabel: shown.ariaLabel,
      domAttributes: { 'data-node-id': node.id } as FlowNodeView['domAttributes'],
      ...(size ? { measured: size } : estimated(shown)),
    };
  }

  let lastEdges: FlowEdgeView[] = [];

  /**
   * The previous array when every edge view is unchanged (a node drag moves positions only):
   * a new array would make xyflow rebuild its connection lookup and every edge on each frame.
   */
  function toEdges(graph: FlowGraph, selection: Selection, types: ReadonlyMap<string, NodeTypeInfo>): FlowEdgeView[] {
    const next = deriveEdges(graph, selection, types);
    if (next.length !== lastEdges.length || next.some((view, i) => view !== lastEdges[i])) lastEdges = next;
    return lastEdges;
  }

  function deriveEdges(graph: FlowGraph, selection: Selection, types: ReadonlyMap<string, NodeTypeInfo>): FlowEdgeView[] {
    const selected = new Set(selection.edgeIds);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    return graph.edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const source = byId.get(edge.source);
      const outputs = source ? display(source, types.get(source.type)).outputs : [];
      const handle = edgeOutput(edge);
      const label = outputs.length > 1 ? (outputs.find((o) => o.id === handle)?.label ?? handle) : undefined;
      const target = byId.get(edge.target);
      const from = source ? display(source, types.get(source.type)).name : edge.source;
      const to = target ? display(target, types.get(target.type)).name : edge.target;
      const ariaLabel = `Connection from ${from}${label ? ` (${label})` : ''} to ${to}`;
      const cached = edgeViews.get(edge);
      if (cached && cached.selected === isSelected && cached.label === label && cached.view.ariaLabel === ariaLabel) return cached.view;
      const view: FlowEdgeView = {
        id: edge.id,
        type: 'flowEdge',
        source: edge.source,
        sourceHandle: handle,
        target: edge.target,
        selected: isSelected,
        data: label === undefined ? {} : { label },
        ariaLabel,
        domAttributes: { 'data-edge-id': edge.id } as FlowEdgeView['domAttributes'],
      };
      edgeViews.set(edge, { selected: isSelected, label, view });
      return view;
    });
  }

  return { noteSizes, toNodes, toEdges };
}
