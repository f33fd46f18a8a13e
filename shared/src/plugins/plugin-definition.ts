import type { AnyNodeDefinition } from '../nodes/types';
import { DEFAULT_PLUGIN_COLORS, DEFAULT_PLUGIN_ICON, defaultPluginOutputs, pluginBehavior, type PluginInfo } from './plugin-behavior';
import type { AnyNodePlugin } from './types';

/** A node definition made from a plugin (or its portable description): knows where it came from. */
export type PluginNodeDefinition = AnyNodeDefinition & { plugin: PluginInfo };

export function isPluginDefinition(def: AnyNodeDefinition): def is PluginNodeDefinition {
  const info = (def as Partial<PluginNodeDefinition>).plugin;
  return typeof info === 'object' && info !== null && typeof info.kind === 'string' && typeof info.source === 'string';
}

/** 1 + the plugin's migrations: the version a config written today is at. */
export function pluginVersion(plugin: AnyNodePlugin): number {
  return 1 + (plugin.migrations?.length ?? 0);
}

/**
 * The plugin's pure half as a normal node definition, for the server's registry: validation,
 * publish, summaries and the simulator use it like a built-in type. Check the plugin with
 * validatePluginShape first: this trusts its shape.
 */
export function pluginNodeDefinition(plugin: AnyNodePlugin, source: string): PluginNodeDefinition {
  const outputs = (plugin.kind === 'trigger' ? undefined : plugin.outputs) ?? defaultPluginOutputs(plugin.kind);
  const version = pluginVersion(plugin);
  const info: PluginInfo = { kind: plugin.kind, source, ...(plugin.kind === 'trigger' ? { event: plugin.event } : {}) };
  const { check } = plugin;
  return {
    type: plugin.type,
    title: plugin.title,
    description: plugin.description,
    category: plugin.kind,
    icon: plugin.icon ?? DEFAULT_PLUGIN_ICON,
    color: plugin.color ?? DEFAULT_PLUGIN_COLORS[plugin.kind],
    version,
    configSchema: plugin.config,
    defaults: plugin.defaults,
    outputs: () => outputs,
    // Called on the plugin so a method that reads `this` still works.
    summary: (config) => plugin.summary(config),
    ...(plugin.migrations?.length ? { migrations: plugin.migrations } : {}),
    ...(check ? { check: (config) => check.call(plugin, config) } : {}),
    behavior: pluginBehavior(plugin.type, version, info),
    plugin: info,
  };
}
