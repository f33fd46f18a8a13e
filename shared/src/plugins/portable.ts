import { z } from 'zod';
import type { NodeRegistry } from '../nodes/registry';
import { nodeTypeInfo } from '../nodes/type-info';
import { defineNode, type ConfigMigration } from '../nodes/types';
import { pluginBehavior, type PluginInfo } from './plugin-behavior';
import type { PluginNodeDefinition } from './plugin-definition';
import type { PortableNodeType } from './types';

/**
 * What the workflow and the editor need of a plugin type, as plain JSON: served by the API and
 * pinned into each published version. For definitions built from plugin code
 * (pluginNodeDefinition); a portable definition's schema is only an approximation of the real one.
 */
export function portableNodeType(def: PluginNodeDefinition): PortableNodeType {
  return {
    ...nodeTypeInfo(def),
    kind: def.plugin.kind,
    ...(def.plugin.event !== undefined ? { event: def.plugin.event } : {}),
    source: def.plugin.source,
  };
}

export interface PortableOptions {
  /**
   * true (editor): the config schema is rebuilt from the JSON Schema, so forms and problems match
   * the server's; false (workflow): any object passes, since the published config was validated
   * by the real definition and the workflow only hands it on.
   */
  strict: boolean;
}

/** Any object, unknown keys kept: still a z.object, so forms and the node contract accept it. */
const permissiveSchema = () => z.looseObject({});

function strictSchema(p: PortableNodeType): z.ZodType {
  try {
    return z.fromJSONSchema(p.configSchema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    // A JSON Schema zod cannot read back: the server still validates with the real schema.
    return permissiveSchema();
  }
}

/**
 * Published configs are already at the current version (publish migrates them), so the steps
 * only keep the version arithmetic; the real migrations run on the server and in the worker.
 */
function placeholderMigrations(version: number): ConfigMigration[] {
  return Array.from({ length: version - 1 }, (_, i) => ({ to: i + 2, up: (config) => config, down: (config) => config }));
}

/** A node definition from a plugin's portable description: no plugin code needed. */
export function portableDefinition(p: PortableNodeType, options: PortableOptions): PluginNodeDefinition {
  if (!Number.isInteger(p.version) || p.version < 1) throw new Error(`the plugin type "${p.type}" has the version ${String(p.version)}; expected a whole number from 1`);
  const info: PluginInfo = { kind: p.kind, source: p.source, ...(p.event !== undefined ? { event: p.event } : {}) };
  const behavior = pluginBehavior(p.type, p.version, info);
  const migrations = placeholderMigrations(p.version);
  const outputs = p.outputs;
  const def = defineNode({
    type: p.type,
    title: p.title,
    description: p.description,
    category: p.category,
    icon: p.icon,
    color: p.color,
    version: p.version,
    // Built on first use: a workflow builds the registry for every run, and most runs never parse.
    configSchema: () => (options.strict ? strictSchema(p) : permissiveSchema()),
    defaults: p.defaults,
    outputs: () => outputs,
    // The editor asks the server for real summaries; the title stands in meanwhile.
    summary: () => p.title,
    ...(migrations.length ? { migrations } : {}),
    behavior,
  });
  return Object.assign(def, { plugin: info });
}

/**
 * `base` with the pinned plugin types added: `base` itself when there are none, so runs of flows
 * without plugins (and every history recorded before plugins) use exactly the built-in registry.
 * A type `base` already has, a repeat, or an entry that cannot be made into a definition is left
 * out: building a run's registry must not throw, and a node of a missing type fails its run by name.
 */
export function registryWithNodeTypes(base: NodeRegistry, nodeTypes: readonly PortableNodeType[] | undefined, options: PortableOptions): NodeRegistry {
  if (!nodeTypes?.length) return base;
  const added = new Map<string, PluginNodeDefinition>();
  for (const p of nodeTypes) {
    if (base.has(p.type) || added.has(p.type)) continue;
    try {
      added.set(p.type, portableDefinition(p, options));
    } catch {
      // Left out, as the comment above says.
    }
  }
  return base.extend(added.values());
}
