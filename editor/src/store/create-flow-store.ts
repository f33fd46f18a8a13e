import { flowSettingsSchema, type FlowGraph, type GraphNode, type NodeRegistry, type Problem } from '@nudgeflow/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { copyFragment, remapFragment } from './clipboard';
import { connectFrom, resolveConnection } from './connection-rules';
import { COALESCE_MS, HISTORY_LIMIT, record, redoStep, selectionAfterStep, undoStep, type History } from './history';
import { idAllocator, idBaseForType, readableIds, type IdGenerator } from './ids';
import { insertOnEdge } from './insert-on-edge';
import { layoutGraph } from './layout';
import { graphProblems } from './problems';
import { sameSelection, withoutIds } from './selection';
import type { FlowDocStore, Selection } from './types';

export type FlowStoreApi = StoreApi<FlowDocStore>;

export interface FlowStoreOptions {
  /** New node and edge ids; tests pass a predictable one. */
  newId?: IdGenerator;
  /** Milliseconds, for coalescing quick edits into one undo step; tests pass a fake clock. */
  now?: () => number;
  historyLimit?: number;
  /** The draft's problems; default: the shared validator's. The editor adds the server's answers for custom-type nodes. */
  problems?: (graph: FlowGraph) => Problem[];
}

/** Where pasted nodes land relative to the copied ones when no point is given. */
export const PASTE_OFFSET = { x: 40, y: 40 };

const noSelection: Selection = { nodeIds: [], edgeIds: [] };

export function emptyGraph(): FlowGraph {
  return { schemaVersion: 1, name: 'Untitled flow', settings: flowSettingsSchema.parse({}), nodes: [], edges: [] };
}

export function createFlowStore(registry: NodeRegistry, options: FlowStoreOptions = {}): FlowStoreApi {
  const generate = options.newId ?? readableIds;
  const now = options.now ?? (() => Date.now());
  const limit = options.historyLimit ?? HISTORY_LIMIT;
  const problemsOf = options.problems ?? ((graph: FlowGraph) => graphProblems(graph, registry));
  // Bookkeeping nobody renders, so it stays out of the state.
  let dragStart: FlowGraph | undefined;
  let lastEdit: { key: string; at: number } | undefined;

  return createStore<FlowDocStore>()((set, get) => {
    const allocator = (graph: FlowGraph) => idAllocator(generate, [...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);

    /** The history as if an unfinished drag had ended: its moves become one step before what follows. */
    const settledHistory = (): History => {
      const { past, future, graph } = get();
      const start = dragStart;
      dragStart = undefined;
      return start && start !== graph ? record({ past, future }, start, limit) : { past, future };
    };

    /** Every undoable change goes through here: one history step (or one merged into the last), fresh problems. */
    const commit = (graph: FlowGraph, opts: { selection?: Selection; coalesce?: string } = {}): void => {
      const history = settledHistory();
      const current = get().graph;
      if (graph === current) {
        if (history.past !== get().past) set(history);
        return;
      }
      const at = now();
      const merge = opts.coalesce !== undefined && lastEdit?.key === opts.coalesce && at - lastEdit.at < COALESCE_MS && history.past.length > 0;
      lastEdit = opts.coalesce === undefined ? undefined : { key: opts.coalesce, at };
      const next = merge ? { past: history.past, future: [] } : record(history, current, limit);
      const selection = opts.selection ?? get().selection;
      set({ graph, ...next, problems: problemsOf(graph), ...(sameSelection(selection, get().selection) ? {} : { selection }) });
    };

    const travel = (step: typeof undoStep): void => {
      const history = settledHistory();
      const current = get().graph;
      const result = step(history, current);
      lastEdit = undefined;
      if (!result) {
        set(history);
        return;
      }
      set({
        graph: result.graph,
        ...result.history,
        problems: problemsOf(result.graph),
        selection: selectionAfterStep(current, result.graph, get().selection),
      });
    };

    const updateNode = (nodeId: string, change: (node: GraphNode) => GraphNode, coalesce: string): void => {
      const { graph } = get();
      const node = graph.nodes.find((n) => n.id === nodeId);
      if (!node) return;
      const changed = change(node);
      if (changed === node) return;
      commit({ ...graph, nodes: graph.nodes.map((n) => (n === node ? changed : n)) }, { coalesce });
    };

    const initial = emptyGraph();
    return {
      flowId: undefined,
      graph: initial,
      savedGraph: initial,
      selection: noSelection,
      past: [],
      future: [],
      problems: problemsOf(initial),

      load(flowId, graph, problems) {
        dragStart = undefined;
        lastEdit = undefined;
        set({ flowId, graph, savedGraph: graph, selection: noSelection, past: [], future: [], problems: problems ?? problemsOf(graph) });
      },

      markSaved(graph) {
        set({ savedGraph: graph });
      },

      refreshProblems() {
        set({ problems: problemsOf(get().graph) });
      },

      replaceGraph(graph) {
        commit(graph, { selection: withoutIds(get().selection, graph) });
      },

      addNode(type, position, opts = {}) {
        const { graph } = get();
        const def = registry.get(type);
        const nextId = allocator(graph);
        const node: GraphNode = {
          id: nextId(idBaseForType(type)),
          type,
          ...(def && def.version > 1 ? { version: def.version } : {}),
          ...(opts.label ? { label: opts.label } : {}),
          position,
          config: structuredClone(opts.config ?? (def?.defaults as Record<string, unknown> | undefined) ?? {}),
        };
        const inserted = opts.onEdgeId === undefined ? undefined : insertOnEdge(graph, registry, opts.onEdgeId, node, nextId('e'));
        const added = inserted ?? { ...graph, nodes: [...graph.nodes, node] };
        commit(inserted || !opts.from ? added : connectFrom(added, registry, opts.from, node.id, nextId), { selection: { nodeIds: [node.id], edgeIds: [] } });
        return node.id;
      },

      moveNodes(positions) {
        const { graph } = get();
        let moved = false;
        const nodes = graph.nodes.map((node) => {
          const position = positions[node.id];
          if (!position || (position.x === node.position.x && position.y === node.position.y)) return node;
          moved = true;
          return { ...node, position: { x: position.x, y: position.y } };
        });
        if (!moved) return;
        dragStart ??= graph;
        // Positions do not change what the validator says: problems stay as they are during a drag.
        set({ graph: { ...graph, nodes } });
      },

      commitMove() {
        lastEdit = undefined;
        set(settledHistory());
      },

      updateConfig(nodeId, config) {
        updateNode(nodeId, (node) => (node.config === config ? node : { ...node, config }), `config:${nodeId}`);
      },

      renameNode(nodeId, label) {
        updateNode(
          nodeId,
          (node) => {
            if ((label || undefined) === node.label) return node;
            const { label: _old, ...rest } = node;
            return label ? { ...rest, label } : rest;
          },
          `label:${nodeId}`,
        );
      },

      updateSettings(settings) {
        const { graph } = get();
        if (graph.settings !== settings) commit({ ...graph, settings }, { coalesce: 'settings' });
      },

      renameFlow(name) {
        const { graph } = get();
        if (graph.name !== name) commit({ ...graph, name }, { coalesce: 'name' });
      },

      canConnect(connection) {
        const resolved = resolveConnection(get().graph, registry, connection);
        return resolved.ok ? { ok: true } : { ok: false, reason: resolved.reason };
      },

      connect(connection) {
        const { graph } = get();
        const resolved = resolveConnection(graph, registry, connection);
        if (!resolved.ok) return { ok: false, reason: resolved.reason };
        commit({ ...graph, edges: [...graph.edges, { id: allocator(graph)('e'), ...resolved.stored }] });
        return { ok: true };
      },

      removeEdges(edgeIds) {
        const { graph, selection } = get();
        const ids = new Set(edgeIds);
        const edges = graph.edges.filter((e) => !ids.has(e.id));
        if (edges.length === graph.edges.length) return;
        commit({ ...graph, edges }, { selection: { ...selection, edgeIds: selection.edgeIds.filter((id) => !ids.has(id)) } });
      },

      select(partial) {
        const current = get().selection;
        const selection = { nodeIds: partial.nodeIds ?? current.nodeIds, edgeIds: partial.edgeIds ?? current.edgeIds };
        if (!sameSelection(selection, current)) set({ selection });
      },

      selectAll() {
        const { graph } = get();
        get().select({ nodeIds: graph.nodes.map((n) => n.id), edgeIds: graph.edges.map((e) => e.id) });
      },

      deleteSelection() {
        const { graph, selection } = get();
        const nodeIds = new Set(selection.nodeIds);
        const edgeIds = new Set(selection.edgeIds);
        const nodes = graph.nodes.filter((n) => !nodeIds.has(n.id));
        const edges = graph.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
        if (nodes.length === graph.nodes.length && edges.length === graph.edges.length) return;
        commit({ ...graph, nodes, edges }, { selection: noSelection });
      },

      copySelection() {
        const { graph, selection } = get();
        return copyFragment(graph, selection);
      },

      paste(fragment, at) {
        if (fragment.nodes.length === 0) return;
        const { graph } = get();
        const pasted = remapFragment(fragment, allocator(graph), at ? { at } : { offset: PASTE_OFFSET });
        commit(
          { ...graph, nodes: [...graph.nodes, ...pasted.nodes], edges: [...graph.edges, ...pasted.edges] },
          { selection: { nodeIds: pasted.nodes.map((n) => n.id), edgeIds: [] } },
        );
      },

      undo() {
        travel(undoStep);
      },

      redo() {
        travel(redoStep);
      },

      autoLayout() {
        const { graph } = get();
        commit(layoutGraph(graph, registry));
      },
    };
  });
}
