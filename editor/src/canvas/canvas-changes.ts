import type { EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { FlowEdgeView, FlowNodeView } from './flow-elements';

/*
 * xyflow reports what the user did as "changes"; these turn them into store actions' arguments.
 * Nothing is applied to xyflow's objects: the store changes and the view is derived again. The one
 * exception is a drag in progress, whose positions the canvas keeps until the drag ends.
 */

/** The ids selected after xyflow's select changes, in a stable order. */
export function selectedAfter(current: readonly string[], changes: readonly (NodeChange<FlowNodeView> | EdgeChange<FlowEdgeView>)[]): string[] | undefined {
  const selects = changes.filter((c) => c.type === 'select');
  if (selects.length === 0) return undefined;
  const ids = new Set(current);
  for (const change of selects) {
    if (change.selected) ids.add(change.id);
    else ids.delete(change.id);
  }
  return [...ids];
}

export interface DragUpdate {
  positions: Record<string, { x: number; y: number }>;
  /** The drag (or keyboard move) ended with these changes: record it as one undo step. */
  finished: boolean;
}

export function dragUpdate(changes: readonly NodeChange<FlowNodeView>[]): DragUpdate | undefined {
  const moves = changes.filter((c) => c.type === 'position');
  if (moves.length === 0) return undefined;
  const positions: DragUpdate['positions'] = {};
  for (const move of moves) if (move.position) positions[move.id] = { x: move.position.x, y: move.position.y };
  return { positions, finished: moves.some((m) => !m.dragging) };
}

export type Moving = ReadonlyMap<string, XYPosition>;

/**
 * Where the dragged nodes are while a drag goes on. The store hears of the drag once, when it
 * ends: per-frame graph updates would re-run every derivation (problems panel, inspector,
 * autosave, the canvas's own view) on each pointer move of a 500-node flow.
 */
export function movingAfter(moving: Moving, drag: DragUpdate): Moving {
  if (drag.finished) return moving.size === 0 ? moving : new Map();
  const next = new Map(moving);
  for (const [id, position] of Object.entries(drag.positions)) next.set(id, position);
  return next;
}

export function removedIds(changes: readonly (NodeChange<FlowNodeView> | EdgeChange<FlowEdgeView>)[]): string[] {
  return changes.filter((c) => c.type === 'remove').map((c) => c.id);
}
