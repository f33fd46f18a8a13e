import { builtinRegistry, type NodeRegistry } from '@nudgeflow/shared';
import { pluginNodeDefinition, portableNodeType, type AnyNodePlugin, type PluginNodeDefinition, type PortableNodeType } from '@nudgeflow/shared/plugins';

/** Why a plugin (or a whole file or package) was not loaded, or what it lacks. */
export interface PluginProblem {
  /** The file (relative to the plugins folder) or npm package it came from. */
  source: string;
  /** The node type, when the problem is one plugin's rather than the whole source's. */
  type?: string;
  message: string;
}

/** One plugin that loaded: its code, and the node definition the server's registry holds for it. */
export interface LoadedPlugin {
  plugin: AnyNodePlugin;
  source: string;
  definition: PluginNodeDefinition;
  /** What the workflow and the editor know of it: served by the API and pinned at publish. */
  portable: PortableNodeType;
  /** The declared secrets that are set in this process's environment. */
  secrets: Record<string, string>;
}

/** A plugin that passed its checks (pluginProblems), with its definition and portable description; throws if they cannot be made. */
export function loadedPlugin(plugin: AnyNodePlugin, source: string, secrets: Record<string, string> = {}): LoadedPlugin {
  const definition = pluginNodeDefinition(plugin, source);
  return { plugin, source, definition, portable: portableNodeType(definition), secrets };
}

/** What GET /api/plugins and `nudgeflow plugins` show. */
export interface PluginReport {
  plugins: { source: string; types: string[] }[];
  problems: PluginProblem[];
}

/** The plugins one process loaded at start, and the registry of built-in plus plugin types. */
export class LoadedPlugins {
  readonly registry: NodeRegistry;
  readonly #byType: Map<string, LoadedPlugin>;

  constructor(
    readonly plugins: readonly LoadedPlugin[] = [],
    readonly problems: readonly PluginProblem[] = [],
    base: NodeRegistry = builtinRegistry,
  ) {
    this.#byType = new Map(plugins.map((p) => [p.plugin.type, p]));
    this.registry = plugins.length ? base.extend(plugins.map((p) => p.definition)) : base;
  }

  /** The loaded plugin of a node type; undefined for built-in and unknown types. */
  get(type: string): LoadedPlugin | undefined {
    return this.#byType.get(type);
  }

  report(): PluginReport {
    const bySource = new Map<string, string[]>();
    for (const p of this.plugins) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p.plugin.type]);
    return { plugins: [...bySource].map(([source, types]) => ({ source, types })), problems: [...this.problems] };
  }
}

/** No plugins: the built-in registry alone. */
export const noPlugins = new LoadedPlugins();
