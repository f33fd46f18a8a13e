import type { z } from 'zod';
import type { Contact } from '../data/contact';
import type { FlowEvent } from '../data/event';
import type { Order } from '../data/order';
import type { FlowSettings, SendWindow } from '../graph/settings';
import type { RuleSet } from '../rules/schema';
import type { RunContext, ScheduleFacts } from './context';

export type NodeCategory = 'trigger' | 'condition' | 'wait' | 'action' | 'flow';

export interface NodeOutput {
  /** The edge's `sourceHandle`. */
  id: string;
  label: string;
}

/** One step of a node type's config history. Append only: never edit a published step. */
export interface ConfigMigration {
  /** The version this step produces (2 for the first step; type version = 1 + steps). */
  to: number;
  up(config: Record<string, unknown>): Record<string, unknown>;
  down(config: Record<string, unknown>): Record<string, unknown>;
}

/** A Liquid template inside a config, for the validator's syntax and variable checks. */
export interface TemplateField {
  /** Path inside the config, e.g. "body" or "headers.X-Order". */
  field: string;
  source: string;
  /** MJML markup with Liquid inside it, or plain Liquid text. */
  kind: 'liquid' | 'mjml';
}

export interface ConfigProblem {
  /** Path inside the config ("branches.1.percent"); empty for the config as a whole. */
  field: string;
  message: string;
  severity?: 'error' | 'warning';
}

export interface NodeRef {
  field: string;
  nodeId: string;
  /** Node types the reference may point at. */
  types?: string[];
}

/** Which events a run is waiting for. */
export interface EventMatch {
  type: string;
  filter?: RuleSet;
  /** Only events about this order count. */
  orderId?: string;
}

export type WaitPlan =
  | { kind: 'sleep'; until: Date }
  | { kind: 'event'; match: EventMatch; until: Date };

/** Fresh facts a condition asks for; the workflow answers from Postgres, the simulator from its script. */
export type FactQuery =
  /** `excludeOrderId`: the run's own order, so "bought it again" does not count the order that started the run. */
  | { type: 'hasPurchased'; skus: string[]; categories: string[]; withinDays?: number; excludeOrderId?: string }
  | { type: 'engagement'; nodeId: string; action: 'opened' | 'clicked'; withinSeconds?: number }
  /** A plugin condition: the worker migrates `config` from `configVersion`, then runs the plugin's evaluate(). */
  | { type: 'custom'; nodeType: string; configVersion: number; config: Record<string, unknown>; context: CustomQueryContext };

/** What a plugin condition may look at: the run's contact, order and events, as the run sees them. */
export interface CustomQueryContext {
  contact: Contact;
  order?: Order;
  event?: FlowEvent;
  trigger?: FlowEvent;
  test?: boolean;
}

export interface FactAnswer {
  matched: boolean;
  /** A plugin condition's chosen output; without it, "yes" when matched, else "no". */
  output?: string;
  detail?: string;
}

export interface MessageTraits {
  channel: 'email' | 'sms';
  /** Marketing messages obey consent, send windows and frequency caps; transactional ones do not. */
  marketing: boolean;
  /**
   * The node's own choice, which wins over the flow's send window: "anyTime" ignores it, a window
   * holds even a transactional message. Absent: the flow's window, for marketing messages only.
   */
  sendWindow?: 'anyTime' | SendWindow;
}

/**
 * How the interpreter treats a node. Pure functions only: they run inside Temporal workflow
 * code, so no I/O, no clock (time comes in as `now`), no randomness (it comes in as `random`).
 */
export type NodeBehavior<C> =
  | { kind: 'eventTrigger'; eventType(config: C): string; matches(config: C, event: FlowEvent): boolean }
  | { kind: 'scheduleTrigger'; nextFireAt(config: C, facts: ScheduleFacts, after: Date, settings: FlowSettings): Date | undefined }
  | { kind: 'branch'; choose(config: C, ctx: RunContext, random: number): string }
  | { kind: 'lookup'; query(config: C, ctx: RunContext): FactQuery; choose(config: C, answer: FactAnswer): string }
  | { kind: 'wait'; plan(config: C, ctx: RunContext, now: Date, settings: FlowSettings): WaitPlan }
  | { kind: 'effect'; message?(config: C): MessageTraits | undefined }
  | { kind: 'exit'; reason(config: C): string };

export type BehaviorKind = NodeBehavior<unknown>['kind'];

export interface NodeDefinition<S extends z.ZodType = z.ZodType> {
  /** Namespaced: "action.sendSms", "acme.addPoints". */
  type: string;
  title: string;
  description: string;
  category: NodeCategory;
  /** A lucide icon name; the editor maps it. */
  icon: string;
  color: string;
  /** 1 + migrations.length. */
  version: number;
  configSchema: S;
  /** A new node's config; must pass `configSchema`. */
  defaults: z.input<S>;
  outputs(config: z.output<S>): NodeOutput[];
  /** One line for the canvas: "Wait up to 24 h for order.paid". */
  summary(config: z.output<S>): string;
  migrations?: ConfigMigration[];
  /** Checks the schema cannot express (percents summing to 100). */
  check?(config: z.output<S>): ConfigProblem[];
  templates?(config: z.output<S>): TemplateField[];
  /** Other nodes this config points at (an engagement check names an email node). */
  nodeRefs?(config: z.output<S>): NodeRef[];
  behavior: NodeBehavior<z.output<S>>;
}

// Registries hold definitions of many config types; `any` keeps their callbacks assignable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNodeDefinition = NodeDefinition<any>;

/** A config schema, or a function that builds it (see defineNode). */
export type ConfigSchemaSource<S extends z.ZodType> = S | (() => S);

/** What defineNode takes: a definition whose config schema may come from a function. */
export type NodeDefinitionInput<S extends z.ZodType> = Omit<NodeDefinition<S>, 'configSchema'> & { configSchema: ConfigSchemaSource<S> };

function isFactory<S extends z.ZodType>(source: ConfigSchemaSource<S>): source is () => S {
  return typeof source === 'function';
}

/**
 * For inference: `defineNode({...})` types callbacks from the schema. A schema given as a
 * function is built on the first read of `configSchema`, then kept. The built-in types do that:
 * a Temporal workflow loads every node type's module for each run it starts, and building all
 * their schemas each time cost more than the rest of the run's start; now it builds the few its
 * flow uses.
 */
export function defineNode<S extends z.ZodType>(def: NodeDefinitionInput<S>): NodeDefinition<S> {
  const source = def.configSchema;
  if (!isFactory(source)) return { ...def, configSchema: source };
  let built: S | undefined;
  const lazy = { ...def } as Omit<NodeDefinitionInput<S>, 'configSchema'>;
  return Object.defineProperty(lazy, 'configSchema', { enumerable: true, get: () => (built ??= source()) }) as NodeDefinition<S>;
}

export const NEXT: NodeOutput = { id: 'next', label: 'Next' };
export const YES_NO: NodeOutput[] = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
];
