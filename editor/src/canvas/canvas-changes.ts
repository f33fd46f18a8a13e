import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { FlowEdgeView, FlowNodeView, Size } from './flow-elements';

/*
 * xyflow reports what the user did as "changes"; these turn them into store actions' arguments.
 * Nothing is applied to xyflow's objects: the store changes and the view is derived again.
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

/** Measured node sizes, replacing the map only when a size really changed. */
export function sizesAfter(sizes: ReadonlyMap<string, Size>, changes: readonly NodeChange<FlowNodeView>[]): ReadonlyMap<string, Size> {
  let next: Map<string, Size> | undefined;
  for (const change of changes) {
    if (change.type !== 'dimensions' || !change.dimensions) continue;
    const old = (next ?? sizes).get(change.id);
    const { width, height } = change.dimensions;
    if (old && old.width === width && old.height === height) continue;
    next ??= new Map(sizes);
    next.set(change.id, { width, height });
  }
  return next ?? sizes;
}

export function removedIds(changes: readonly (NodeChange<FlowNodeView> | EdgeChange<FlowEdgeView>)[]): string[] {
  return changes.filter((c) => c.type === 'remove').map((c) => c.id);
}
