import type { NodeRegistry } from '@nudgeflow/shared';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { isPluginNodeType, type NodeTypeInfo } from '../api/types';
import { editorRegistry } from '../registry';

/** The node catalog from GET /api/node-types, and what is derived from it once. */
interface NodeCatalog {
  types: NodeTypeInfo[];
  byType: ReadonlyMap<string, NodeTypeInfo>;
  registry: NodeRegistry;
  /** Custom types (plugins): the server describes their nodes (summary, problems). */
  pluginTypes: ReadonlySet<string>;
}

const NodeTypesContext = createContext<NodeCatalog | undefined>(undefined);

/** The node catalog, loaded once after sign-in, with the editor's registry built from it. */
export function NodeTypesProvider({ nodeTypes, children }: { nodeTypes: NodeTypeInfo[]; children: ReactNode }) {
  const catalog = useMemo<NodeCatalog>(
    () => ({
      types: nodeTypes,
      byType: new Map(nodeTypes.map((t) => [t.type, t])),
      registry: editorRegistry(nodeTypes),
      pluginTypes: new Set(nodeTypes.filter(isPluginNodeType).map((t) => t.type)),
    }),
    [nodeTypes],
  );
  return <NodeTypesContext.Provider value={catalog}>{children}</NodeTypesContext.Provider>;
}

function useCatalog(): NodeCatalog {
  const catalog = useContext(NodeTypesContext);
  if (!catalog) throw new Error('the node catalog is only there under a <NodeTypesProvider>');
  return catalog;
}

export function useNodeTypes(): NodeTypeInfo[] {
  return useCatalog().types;
}

/** The catalog by type name. */
export function useNodeTypeMap(): ReadonlyMap<string, NodeTypeInfo> {
  return useCatalog().byType;
}

/** One type's entry, or undefined for a type the server does not know (shown as unknown). */
export function useNodeType(type: string): NodeTypeInfo | undefined {
  return useCatalog().byType.get(type);
}

/** The registry every editor computation uses: built-ins plus the catalog's custom types. */
export function useEditorRegistry(): NodeRegistry {
  return useCatalog().registry;
}

export function usePluginTypes(): ReadonlySet<string> {
  return useCatalog().pluginTypes;
}
