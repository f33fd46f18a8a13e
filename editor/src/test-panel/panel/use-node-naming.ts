import type { FlowGraph } from '@nudgeflow/shared';
import { useMemo } from 'react';
import { useEditorRegistry, useNodeTypeMap } from '../../app/node-types-context';
import { nodeById } from '../../canvas/graph-index';
import { nodeDisplay } from '../../canvas/node-display';
import { useNodeDescriptions } from '../../plugin-nodes/descriptions-context';
import type { NodeNaming } from '../timeline/timeline-entries';

/** Node names and output labels as the canvas shows them, for the timeline. */
export function useNodeNaming(graph: FlowGraph): NodeNaming {
  const types = useNodeTypeMap();
  const registry = useEditorRegistry();
  const descriptions = useNodeDescriptions();
  return useMemo(() => {
    const display = (id: string) => {
      const node = nodeById(graph, id);
      return node ? nodeDisplay(node, registry, types.get(node.type), descriptions.shown(node)) : undefined;
    };
    return {
      name: (id) => display(id)?.name ?? id,
      outputLabel: (id, output) => display(id)?.outputs.find((o) => o.id === output)?.label,
    };
  }, [graph, types, registry, descriptions]);
}
