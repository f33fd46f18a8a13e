import type { FlowGraph, GraphEdge, GraphNode, NodeRegistry } from '@nudgeflow/shared';
import type { Edge, Node } from '@xyflow/react';
import type { NodeTypeInfo } from '../api/types';
import { edgeOutput } from '../store/connection-rules';
import type { Selection } from '../store/types';
import { nodeDisplay } from './node-display';

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

/**
 * Derives xyflow's nodes and edges from the graph, one way. Each view object is reused while
 * its graph node (or edge), selection state and measured size are unchanged: xyflow then skips
 * it, so a drag or an edit touches one node's view, not 500.
 */
export function createFlowElements(registry: NodeRegistry) {
  const nodeViews = new WeakMap<GraphNode, { selected: boolean; size: Size | undefined; info: NodeTypeInfo | undefined; view: FlowNodeView }>();
  const edgeViews = new WeakMap<GraphEdge, { selected: boolean; label: string | undefined; view: FlowEdgeView }>();

  function toNodes(graph: FlowGraph, selection: Selection, sizes: ReadonlyMap<string, Size>, types: ReadonlyMap<string, NodeTypeInfo>): FlowNodeView[] {
    const selected = new Set(selection.nodeIds);
    return graph.nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const size = sizes.get(node.id);
      const info = types.get(node.type);
      const cached = nodeViews.get(node);
      if (cached && cached.selected === isSelected && cached.size === size && cached.info === info) return cached.view;
      const display = nodeDisplay(node, registry, info);
      const view: FlowNodeView = {
        id: node.id,
        type: 'flowNode',
        position: node.position,
        data: { nodeId: node.id },
        selected: isSelected,
        ariaLabel: display.ariaLabel,
        domAttributes: { 'data-node-id': node.id } as FlowNodeView['domAttributes'],
        ...(size ? { measured: size } : {}),
      };
      nodeViews.set(node, { selected: isSelected, size, info, view });
      return view;
    });
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
      const outputs = source ? nodeDisplay(source, registry, types.get(source.type)).outputs : [];
      const handle = edgeOutput(edge);
      const label = outputs.length > 1 ? (outputs.find((o) => o.id === handle)?.label ?? handle) : undefined;
      const target = byId.get(edge.target);
      const from = source ? nodeDisplay(source, registry, types.get(source.type)).name : edge.source;
      const to = target ? nodeDisplay(target, registry, types.get(target.type)).name : edge.target;
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

  return { toNodes, toEdges };
}
