import type { z } from 'zod';
import type { NodePlugin } from './types';

/**
 * Declares a custom node type. Returns the plugin unchanged; its point is inference: the config
 * schema types `defaults`, `summary`, `check` and `ctx.config` in `execute` / `evaluate`, and the
 * loader checks the shape (validatePluginShape) when it imports the file.
 */
export function definePlugin<S extends z.ZodType, K extends NodePlugin['kind']>(plugin: NodePlugin<S> & { kind: K }): Extract<NodePlugin<S>, { kind: K }> {
  return plugin as Extract<NodePlugin<S>, { kind: K }>;
}
