import type { RunContext } from '../nodes/context';
import { NEXT, YES_NO, type CustomQueryContext, type NodeBehavior, type NodeOutput } from '../nodes/types';
import type { NodePlugin } from './types';

export type PluginKind = NodePlugin['kind'];

/** What a plugin type's definition carries besides a NodeDefinition's fields, real or portable. */
export interface PluginInfo {
  kind: PluginKind;
  /** A file path relative to the plugins folder, or an npm package name. */
  source: string;
  /** For triggers: the event type that starts the flow. */
  event?: string;
}

/** Built-in namespaces: a plugin type named "action.x" would be mistaken for one of ours. */
export const RESERVED_NAMESPACES: readonly string[] = ['trigger', 'condition', 'wait', 'action', 'flow', 'split'];

export const DEFAULT_PLUGIN_ICON = 'puzzle';

/** The built-in nodes' colour per category, so a plugin node looks at home in the palette. */
export const DEFAULT_PLUGIN_COLORS: Record<PluginKind, string> = {
  trigger: '#7c3aed',
  condition: '#0891b2',
  action: '#16a34a',
};

export function defaultPluginOutputs(kind: PluginKind): NodeOutput[] {
  switch (kind) {
    case 'action':
    case 'trigger':
      return [NEXT];
    case 'condition':
      return YES_NO;
    default: {
      const unknown: never = kind;
      throw new Error(`unknown plugin kind "${String(unknown)}"`);
    }
  }
}

/** Only what a plugin may read: the run's flow and codes stay with the run. */
function customQueryContext(ctx: RunContext): CustomQueryContext {
  return {
    contact: ctx.contact,
    ...(ctx.order ? { order: ctx.order } : {}),
    ...(ctx.event ? { event: ctx.event } : {}),
    ...(ctx.trigger ? { trigger: ctx.trigger } : {}),
    ...(ctx.test ? { test: true } : {}),
  };
}

/**
 * How the interpreter treats a plugin node. The same for the real definition (server, with the
 * plugin's code) and the portable one (workflow, editor): the plugin's own code runs only in the
 * worker, reached through an effect command (actions) or a 'custom' fact query (conditions).
 */
export function pluginBehavior(type: string, version: number, info: PluginInfo): NodeBehavior<Record<string, unknown>> {
  switch (info.kind) {
    case 'action':
      return { kind: 'effect' };
    case 'condition':
      return {
        kind: 'lookup',
        query: (config, ctx) => ({ type: 'custom', nodeType: type, configVersion: version, config, context: customQueryContext(ctx) }),
        choose: (_config, answer) => answer.output ?? (answer.matched ? 'yes' : 'no'),
      };
    case 'trigger': {
      const { event } = info;
      if (!event) throw new Error(`the trigger type "${type}" names no event to start on`);
      return { kind: 'eventTrigger', eventType: () => event, matches: (_config, e) => e.type === event };
    }
    default: {
      const unknown: never = info.kind;
      throw new Error(`the plugin type "${type}" has the unknown kind "${String(unknown)}"`);
    }
  }
}
