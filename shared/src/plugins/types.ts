import type { z } from 'zod';
import type { Contact } from '../data/contact';
import type { FlowEvent } from '../data/event';
import type { Order } from '../data/order';
import type { NodeTypeInfo } from '../nodes/type-info';
import type { ConfigMigration, ConfigProblem, NodeOutput } from '../nodes/types';

/*
 * The contract for custom node types ("plugins"). A developer writes ONE file that default-exports
 * `definePlugin({...})`. Its pure half (schema, outputs, summary, checks, migrations) becomes a
 * normal NodeDefinition on the server; its runtime half (`execute` / `evaluate`) runs in the worker
 * as an activity. Plugin code never runs inside Temporal's workflow sandbox or in the browser: the
 * workflow and the editor use a PortableNodeType (plain JSON, pinned into each published version).
 */

/** What a plugin's execute/evaluate receives. */
export interface PluginContext<C> {
  /** The node's config, migrated to the plugin's current version and parsed by its schema. */
  config: C;
  contact: Contact;
  order?: Order;
  /** The event that last moved the run (the trigger, or what a wait received). */
  event?: FlowEvent;
  /** The event that started the run. */
  trigger?: FlowEvent;
  run: { id: string; flowId: string; nodeId: string; test: boolean };
  /**
   * Same run, node and visit: the same key on every retry. Pass it to the remote API (e.g. as an
   * Idempotency-Key header) so a retry after a crash does not add the points twice.
   */
  idempotencyKey: string;
  /** The secrets the plugin declared, read from the environment; never stored in a graph. */
  secrets: Record<string, string>;
  /** The run's (flow) time: compressed in test runs. */
  now: Date;
  log(message: string, fields?: Record<string, unknown>): void;
  /** Aborted when the activity is cancelled or times out. */
  signal: AbortSignal;
}

export interface ActionOutcome {
  /** Which output the run follows; default: the first. */
  output?: string;
  /** Shown in the run's step log ("added 50 points"). */
  detail?: string;
}

export interface ConditionOutcome {
  matched: boolean;
  /** Which output the run follows; default: "yes" when matched, else "no". */
  output?: string;
  detail?: string;
}

interface PluginBase<S extends z.ZodType> {
  /** Namespaced, lower camel after the dot: "acme.addPoints". Built-in namespaces are reserved. */
  type: string;
  title: string;
  description: string;
  /** A lucide icon name (default "puzzle"). */
  icon?: string;
  /** CSS colour (default per category). */
  color?: string;
  /** Field labels come from `.meta({ title, description })`, as for built-in nodes. */
  config: S;
  defaults: z.input<S>;
  summary(config: z.output<S>): string;
  check?(config: z.output<S>): ConfigProblem[];
  /** Append only; the type's version is 1 + migrations.length. */
  migrations?: ConfigMigration[];
  /** Environment variable names the plugin needs (e.g. "LOYALTY_API_KEY"); missing ones are reported at start. */
  secrets?: string[];
}

/** What actions and conditions share: code that runs in the worker, attempt by attempt. */
interface RunnablePluginBase<S extends z.ZodType> extends PluginBase<S> {
  /** Default: "next" for an action, "yes" and "no" for a condition. */
  outputs?: NodeOutput[];
  /** Attempts before the node fails (default 5, at most PLUGIN_LIMITS of its kind). */
  maxAttempts?: number;
  /** Per attempt (default 30 s for an action, 20 s for a condition; at most PLUGIN_LIMITS of its kind). */
  timeoutSeconds?: number;
}

export interface ActionPlugin<S extends z.ZodType = z.ZodType> extends RunnablePluginBase<S> {
  kind: 'action';
  /** Throw PluginInputError for a problem no retry can fix; other errors are retried. */
  execute(ctx: PluginContext<z.output<S>>): Promise<ActionOutcome | void>;
}

export interface ConditionPlugin<S extends z.ZodType = z.ZodType> extends RunnablePluginBase<S> {
  kind: 'condition';
  evaluate(ctx: PluginContext<z.output<S>>): Promise<ConditionOutcome | boolean>;
}

/** Starts a flow when an event of this type arrives (the shop or another system posts it). */
export interface TriggerPlugin<S extends z.ZodType = z.ZodType> extends PluginBase<S> {
  kind: 'trigger';
  event: string;
}

export type NodePlugin<S extends z.ZodType = z.ZodType> = ActionPlugin<S> | ConditionPlugin<S> | TriggerPlugin<S>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNodePlugin = NodePlugin<any>;

/** Thrown by execute/evaluate for bad input (no retry can fix it): the node fails at once. */
export class PluginInputError extends Error {
  override name = 'PluginInputError';
}

/**
 * What the workflow, the validator and the editor know of a plugin type without its code. Plain
 * JSON: served by GET /api/node-types and pinned into each published flow version
 * (`flow_versions.node_types`, FlowRunInput.flow.nodeTypes), so a run in flight keeps the
 * outputs and behaviour it started with when the plugin changes.
 */
export interface PortableNodeType extends NodeTypeInfo {
  kind: NodePlugin['kind'];
  /** For triggers: the event type that starts the flow. */
  event?: string;
  /** Where it was loaded from: a file path relative to the plugins folder, or an npm package name. */
  source: string;
}
