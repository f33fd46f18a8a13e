import { createContext, useContext, type ReactNode } from 'react';
import type { NodeTypeInfo } from '../api/types';

const NodeTypesContext = createContext<NodeTypeInfo[] | undefined>(undefined);

/** The node catalog from GET /api/node-types, loaded once after sign-in. */
export function NodeTypesProvider({ nodeTypes, children }: { nodeTypes: NodeTypeInfo[]; children: ReactNode }) {
  return <NodeTypesContext.Provider value={nodeTypes}>{children}</NodeTypesContext.Provider>;
}

export function useNodeTypes(): NodeTypeInfo[] {
  const types = useContext(NodeTypesContext);
  if (!types) throw new Error('useNodeTypes() needs a <NodeTypesProvider> above it');
  return types;
}

/** One type's entry, or undefined for a type the server does not know (shown as unknown). */
export function useNodeType(type: string): NodeTypeInfo | undefined {
  return useNodeTypes().find((t) => t.type === type);
}
