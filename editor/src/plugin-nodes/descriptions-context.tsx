import type { GraphNode } from '@nudgeflow/shared';
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { NodeDescription } from '../api/types';
import type { NodeDescriptions } from './node-descriptions';

const NodeDescriptionsContext = createContext<NodeDescriptions | undefined>(undefined);

/** The server's descriptions of the custom-type nodes of the flow open in the editor. */
export function NodeDescriptionsProvider({ descriptions, children }: { descriptions: NodeDescriptions; children: ReactNode }) {
  return <NodeDescriptionsContext.Provider value={descriptions}>{children}</NodeDescriptionsContext.Provider>;
}

export function useNodeDescriptions(): NodeDescriptions {
  const descriptions = useContext(NodeDescriptionsContext);
  if (!descriptions) throw new Error('node descriptions are only there under a <NodeDescriptionsProvider>');
  return descriptions;
}

/** What the server says of this node (undefined for built-in types and until it answers); re-renders when it does. */
export function useNodeDescription(node: GraphNode | undefined): NodeDescription | undefined {
  const descriptions = useNodeDescriptions();
  return useSyncExternalStore(descriptions.subscribe, () => (node ? descriptions.shown(node) : undefined));
}

/** Changes with every batch of answers: for views derived from many nodes at once. */
export function useDescriptionsVersion(): number {
  const descriptions = useNodeDescriptions();
  return useSyncExternalStore(descriptions.subscribe, descriptions.version);
}
