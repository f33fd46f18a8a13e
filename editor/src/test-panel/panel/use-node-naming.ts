import type { FlowGraph } from '@nudgeflow/shared';
import { useMemo } from 'react';
import type { NodeTypeInfo } from '../../api/types';
import { useNodeTypes } from '../../app/node-types-context';
import { nodeById } from '../../canvas/graph-index';
import { nodeDisplay } from '../../canvas/node-display';
import { editorRegistry } from '../../registry';
import type { NodeNaming } from '../timeline/timeline-entries';

/** Node names and output labels as the canvas shows them, for the timeline. */
export function useNodeNaming(graph: FlowGraph): NodeNaming {
  const types = useNodeTypes();
  return useMemo(() => {
    const byType = new Map<string, NodeTypeInfo>(types.map((t) => [t.type, t]));
    const display = (id: string) => {
      const node = nodeById(graph, id);
      return node ? nodeDisplay(node, editorRegistry, byType.get(node.type)) : undefined;
    };
    return {
      name: (id) => display(id)?.name ?? id,
      outputLabel: (id, output) => display(id)?.outputs.find((o) => o.id === output)?.label,
    };
  }, [graph, types]);
}
