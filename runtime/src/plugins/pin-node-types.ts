import { migrateConfig, type FlowGraph, type GraphNode } from '@nudgeflow/shared';
import type { PortableNodeType } from '@nudgeflow/shared/plugins';
import type { LoadedPlugins } from './loaded-plugins';

export interface PinnedGraph {
  /** The graph with every plugin node's config at its type's current version. */
  graph: FlowGraph;
  /** The plugin types the graph uses, as they are now: what its runs will know of them. */
  nodeTypes: PortableNodeType[];
}

/**
 * What a published version (or a live test run) carries of the plugins it uses. The workflow has
 * no plugin code: its definitions take configs as they are, so each plugin node's config is
 * migrated to the plugin's current version here, with the plugin's real migrations, and the node
 * says so. Call it on a graph that validated against `plugins.registry` (the migrations ran there).
 */
export function pinPluginNodes(graph: FlowGraph, plugins: LoadedPlugins): PinnedGraph {
  const nodeTypes = new Map<string, PortableNodeType>();
  const nodes = graph.nodes.map((node): GraphNode => {
    const loaded = plugins.get(node.type);
    if (!loaded) return node;
    if (!nodeTypes.has(node.type)) nodeTypes.set(node.type, loaded.portable);
    const { definition } = loaded;
    const from = node.version ?? 1;
    if (from === definition.version) return node;
    return { ...node, version: definition.version, config: migrateConfig(definition, node.config, from) };
  });
  return { graph: nodeTypes.size ? { ...graph, nodes } : graph, nodeTypes: [...nodeTypes.values()] };
}
