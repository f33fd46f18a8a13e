import type { FlowGraph } from '@nudgeflow/shared';
import { useMemo } from 'react';
import { useNodeTypes } from '../app/node-types-context';
import { flowThumbnail } from './flow-thumbnail';
import './thumbnail.css';

/** A small picture of a flow's shape (decorative: the card around it names the flow). */
export function FlowThumbnail({ graph }: { graph: Pick<FlowGraph, 'nodes' | 'edges'> }) {
  const nodeTypes = useNodeTypes();
  const picture = useMemo(() => {
    const categories = new Map(nodeTypes.map((t) => [t.type, t.category]));
    return flowThumbnail(graph, (type) => categories.get(type));
  }, [graph, nodeTypes]);

  return (
    <svg className="nf-thumbnail" viewBox={picture.viewBox} preserveAspectRatio="xMidYMid meet" aria-hidden focusable="false">
      {picture.edges.map((e) => (
        <path key={e.id} className="nf-thumbnail__edge" d={e.d} />
      ))}
      {picture.nodes.map((n) => (
        <rect
          key={n.id}
          className={`nf-thumbnail__node nf-thumbnail__node--${n.category ?? 'unknown'}`}
          x={n.x}
          y={n.y}
          width={n.width}
          height={n.height}
          rx={12}
        />
      ))}
    </svg>
  );
}
