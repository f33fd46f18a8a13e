import type { FlowGraph, FlowSettings, GraphEdge, GraphNode, Problem } from '@nudgeflow/shared';

/*
 * The editor's document store (zustand). It holds the draft as the shared FlowGraph, the stored
 * format itself: every action returns a new graph (never mutates nodes or configs), and the
 * canvas derives its view from it. Components select narrow slices (one node, the selection),
 * so a config edit re-renders one node, not 500.
 */

export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

export interface Connection {
  source: string;
  /** The source node's output id; undefined means the type's only output. */
  sourceHandle?: string | null;
  target: string;
}

/** Why a connection is refused while dragging, in words for a tooltip. */
export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

export interface AddNodeOptions {
  /** Drop onto this edge: the new node is inserted between its ends. */
  onEdgeId?: string;
  /** Config to start from instead of the type's defaults. */
  config?: Record<string, unknown>;
  label?: string;
  /**
   * Added to the contract for click-to-add from the palette: connect this node's output (its
   * first free one when `sourceHandle` is left out) to the new node, in the same undo step.
   * Ignored when the connection rules refuse it or with `onEdgeId`.
   */
  from?: { nodeId: string; sourceHandle?: string };
}

export interface FlowDocState {
  /** The flow being edited (undefined before load). */
  flowId: string | undefined;
  graph: FlowGraph;
  /** The graph last saved to (or loaded from) the server: `graph !== savedGraph` means unsaved changes. */
  savedGraph: FlowGraph;
  selection: Selection;
  /** Earlier graphs, newest last; `future` holds undone ones. Bounded (oldest dropped). */
  past: FlowGraph[];
  future: FlowGraph[];
  /** Problems from the shared validator for the current graph (with the server's for custom-type nodes); recomputed after each change. */
  problems: Problem[];
}

export interface FlowDocActions {
  /**
   * A loaded or newly created flow: clears history and selection. `problems` are the validator's
   * findings for exactly this graph when the caller has them (the server sends them with the
   * flow), which spares validating a large flow again while it opens.
   */
  load(flowId: string, graph: FlowGraph, problems?: Problem[]): void;
  /** After a successful save of exactly this graph. */
  markSaved(graph: FlowGraph): void;
  /** The problems again for the same graph: what they depend on besides the graph changed (the server described a node). */
  refreshProblems(): void;
  /** Whole-graph replacement that can be undone: import, restore an earlier version, auto-layout. */
  replaceGraph(graph: FlowGraph): void;

  addNode(type: string, position: GraphNode['position'], options?: AddNodeOptions): string;
  /** Positions while dragging: not recorded in history until `commitMove`. */
  moveNodes(positions: Record<string, GraphNode['position']>): void;
  /** The drag ended: one history entry for the whole drag. */
  commitMove(): void;
  /** Replaces a node's config. Quick successive edits of one node make one history entry. */
  updateConfig(nodeId: string, config: Record<string, unknown>): void;
  renameNode(nodeId: string, label: string | undefined): void;
  updateSettings(settings: FlowSettings): void;
  renameFlow(name: string): void;

  canConnect(connection: Connection): ConnectionVerdict;
  /** Adds the edge when canConnect allows it; returns the verdict either way. */
  connect(connection: Connection): ConnectionVerdict;
  removeEdges(edgeIds: string[]): void;

  select(selection: Partial<Selection>): void;
  selectAll(): void;
  /** Removes the selected nodes (with their edges) and edges. */
  deleteSelection(): void;
  /** The selected nodes and the edges between them, as a graph fragment (also written to the clipboard). */
  copySelection(): { nodes: GraphNode[]; edges: GraphEdge[] } | undefined;
  /** Inserts a fragment with fresh ids (edges remapped), offset from the original or placed at `at`; selects it. */
  paste(fragment: { nodes: GraphNode[]; edges: GraphEdge[] }, at?: GraphNode['position']): void;

  undo(): void;
  redo(): void;
  /** Top-to-bottom dagre layout that keeps each node's outputs in their order (yes left of no). */
  autoLayout(): void;
}

export type FlowDocStore = FlowDocState & FlowDocActions;
