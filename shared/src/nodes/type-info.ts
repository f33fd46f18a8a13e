import { z } from 'zod';
import type { AnyNodeDefinition, NodeDefinition, NodeOutput } from './types';

/** A node type as plain JSON: the catalog entry the editor builds its palette and forms from. */
export interface NodeTypeInfo extends Pick<NodeDefinition, 'type' | 'title' | 'description' | 'category' | 'icon' | 'color' | 'version'> {
  /** The outputs of a node with the default config. */
  outputs: NodeOutput[];
  defaults: Record<string, unknown>;
  /** JSON Schema (draft 2020-12, io: input) of the config, with form metadata. */
  configSchema: Record<string, unknown>;
}

export function nodeTypeInfo(def: AnyNodeDefinition): NodeTypeInfo {
  return {
    type: def.type,
    title: def.title,
    description: def.description,
    category: def.category,
    icon: def.icon,
    color: def.color,
    version: def.version,
    outputs: def.outputs(def.configSchema.parse(def.defaults)),
    defaults: def.defaults as Record<string, unknown>,
    configSchema: z.toJSONSchema(def.configSchema, { io: 'input' }) as Record<string, unknown>,
  };
}
