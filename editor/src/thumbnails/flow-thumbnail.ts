import type { FlowGraph, NodeCategory } from '@nudgeflow/shared';

/** How big a node is drawn, in graph units (about the size of a node on the canvas). */
export const thumbnailNode = { width: 180, height: 64 } as const;
const padding = 24;

export interface ThumbnailNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** undefined: a type the catalog does not know (drawn grey). */
  category: NodeCategory | undefined;
}

export interface ThumbnailEdge {
  id: string;
  /** SVG path data: a curve from the bottom of the source to the top of the target. */
  d: string;
}

export interface FlowThumbnail {
  viewBox: string;
  nodes: ThumbnailNode[];
  edges: ThumbnailEdge[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The picture of a flow: one box per node where it sits on the canvas, one curve per edge, in
 * graph units (the SVG's viewBox fits them, so it scales to any card). Edges leaving one node
 * start side by side along its bottom, ordered by where their targets are, so branches fan out
 * instead of overlapping.
 */
export function flowThumbnail(graph: Pick<FlowGraph, 'nodes' | 'edges'>, categoryOf: (type: string) => NodeCategory | undefined): FlowThumbnail {
  const { width, height } = thumbnailNode;
  const nodes: ThumbnailNode[] = graph.nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, width, height, category: categoryOf(n.type) }));
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const edges: ThumbnailEdge[] = [];
  for (const source of nodes) {
    const leaving = graph.edges
      .filter((e) => e.source === source.id && byId.has(e.target))
      .map((e) => ({ edge: e, target: byId.get(e.target) as ThumbnailNode }))
      .sort((a, b) => a.target.x - b.target.x);
    leaving.forEach(({ edge, target }, i) => {
      const x1 = source.x + (width * (i + 1)) / (leaving.length + 1);
      const y1 = source.y + height;
      const x2 = target.x + width / 2;
      const y2 = target.y;
      const bend = Math.max(24, Math.abs(y2 - y1) / 2);
      edges.push({ id: edge.id, d: `M${round(x1)},${round(y1)} C${round(x1)},${round(y1 + bend)} ${round(x2)},${round(y2 - bend)} ${round(x2)},${round(y2)}` });
    });
  }

  if (nodes.length === 0) return { viewBox: `0 0 ${width + 2 * padding} ${height + 2 * padding}`, nodes, edges };
  const minX = Math.min(...nodes.map((n) => n.x)) - padding;
  const minY = Math.min(...nodes.map((n) => n.y)) - padding;
  const maxX = Math.max(...nodes.map((n) => n.x + width)) + padding;
  const maxY = Math.max(...nodes.map((n) => n.y + height)) + padding;
  return { viewBox: `${round(minX)} ${round(minY)} ${round(maxX - minX)} ${round(maxY - minY)}`, nodes, edges };
}
