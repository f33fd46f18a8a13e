import type { FlowNodeView } from '../flow-elements';

/*
 * The overview's geometry, in flow coordinates: it shows every node and the part of the flow in
 * view, scaled to fit the panel. Nodes are drawn as one path per colour, not one element each:
 * 500 nodes are a handful of paths to diff and paint when the view moves.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MINIMAP_WIDTH = 200;
export const MINIMAP_HEIGHT = 150;
/** Empty space around the content, in minimap pixels. */
const MARGIN = 5;

/** The box around all nodes (at their measured size, else the estimate), or undefined without nodes. */
export function nodesBounds(nodes: readonly FlowNodeView[]): Rect | undefined {
  if (nodes.length === 0) return undefined;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const node of nodes) {
    const { width, height } = nodeSize(node);
    x1 = Math.min(x1, node.position.x);
    y1 = Math.min(y1, node.position.y);
    x2 = Math.max(x2, node.position.x + width);
    y2 = Math.max(y2, node.position.y + height);
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

function nodeSize(node: FlowNodeView): { width: number; height: number } {
  return { width: node.measured?.width ?? node.initialWidth ?? 0, height: node.measured?.height ?? node.initialHeight ?? 0 };
}

export interface MinimapFrame {
  viewBox: Rect;
  /** Flow units per minimap pixel. */
  scale: number;
}

/** What the panel shows: the nodes and the view together, centred, with a margin. */
export function minimapFrame(content: Rect | undefined, view: Rect): MinimapFrame {
  const x1 = Math.min(view.x, content?.x ?? view.x);
  const y1 = Math.min(view.y, content?.y ?? view.y);
  const x2 = Math.max(view.x + view.width, content ? content.x + content.width : -Infinity);
  const y2 = Math.max(view.y + view.height, content ? content.y + content.height : -Infinity);
  const scale = Math.max((x2 - x1) / MINIMAP_WIDTH, (y2 - y1) / MINIMAP_HEIGHT);
  const margin = MARGIN * scale;
  const width = scale * MINIMAP_WIDTH + 2 * margin;
  const height = scale * MINIMAP_HEIGHT + 2 * margin;
  return { viewBox: { x: (x1 + x2) / 2 - width / 2, y: (y1 + y2) / 2 - height / 2, width, height }, scale };
}

/** Everything outside the view is shaded: the whole frame with the view cut out of it (even-odd). */
export function maskPath({ viewBox: box }: MinimapFrame, view: Rect): string {
  return `M${box.x},${box.y}h${box.width}v${box.height}h${-box.width}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`;
}

export interface NodeShapes {
  color: string;
  selected: boolean;
  d: string;
}

/** The nodes as rectangles, one path per colour and selection state, in a stable order. */
export function nodeShapes(nodes: readonly FlowNodeView[], colorOf: (node: FlowNodeView) => string): NodeShapes[] {
  const groups = new Map<string, NodeShapes>();
  for (const node of nodes) {
    const color = colorOf(node);
    const selected = node.selected === true;
    const key = `${selected}\0${color}`;
    const { width, height } = nodeSize(node);
    const rect = `M${node.position.x},${node.position.y}h${width}v${height}h${-width}z`;
    const group = groups.get(key);
    if (group) group.d += rect;
    else groups.set(key, { color, selected, d: rect });
  }
  return [...groups.values()];
}
