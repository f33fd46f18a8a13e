import type { FlowEvent } from '../data/event';
import type { ContextPatch, RunContext } from '../nodes/context';
import type { EventMatch, FactAnswer, FactQuery, MessageTraits } from '../nodes/types';

/**
 * The interpreter's contract. Everything here is plain JSON so that a Temporal workflow can
 * carry it through history and continue-as-new, and tests can compare it with toEqual.
 * Times are ISO strings; the interpreter never reads a clock: `now` is an argument.
 */

export type EndReason =
  /** A branch ran out of edges. */
  | 'completed'
  /** A flow.exit node. */
  | 'exited'
  /** An exitOn event: the contact did the thing. */
  | 'goal'
  /** A bad node or an effect that cannot succeed: recorded, never retried forever. */
  | 'failed'
  /** Stopped from outside (admin, flow deleted). */
  | 'cancelled';

/** What an executor reports back for an effect command. */
export interface EffectResult {
  status: 'done' | 'sent' | 'skipped' | 'failed';
  /** Which output to follow; defaults to the node's first output ("next"). */
  output?: string;
  /** Why: "no consent", "pool empty", "HTTP 500". Shown in the step log. */
  reason?: string;
  patch?: ContextPatch;
  /** Provider or outbox id of a message sent. */
  messageId?: string;
}

export type Command =
  /** Run a side effect (send, tag, webhook...). The key makes a retry after a crash harmless. */
  | {
      kind: 'effect';
      id: string;
      nodeId: string;
      visit: number;
      type: string;
      config: Record<string, unknown>;
      /**
       * The node type's version `config` is at; a plugin's executor migrates it from there, so a run
       * started under version 1 still works after the plugin moved on. Absent in commands from before
       * plugins: version 1.
       */
      configVersion?: number;
      /** The run's (flow) time when the effect was asked for: compressed in live test runs. */
      at?: string;
      idempotencyKey: string;
      message?: MessageTraits;
      /**
       * A marketing message's frequency cap (the flow's): the worker counts the contact's sends
       * again under a per-contact lock as it records the message, and skips it when full.
       */
      cap?: { max: number; perSeconds: number };
      context: RunContext;
    }
  /** Ask for fresh facts (has purchased, opened an email, recent message count). */
  | { kind: 'lookup'; id: string; nodeId: string; visit: number; query: FactQuery | CapQuery }
  | { kind: 'sleep'; until: string }
  | { kind: 'waitForEvent'; match: EventMatch; until: string }
  | { kind: 'done'; reason: EndReason; nodeId?: string; detail?: string };

/** The frequency cap's own question: when did this contact get marketing messages lately? */
export interface CapQuery {
  type: 'recentMessages';
  sinceSeconds: number;
}
export interface CapAnswer {
  /** Send times (ISO) of marketing messages inside the period, any flow. */
  sentAt: string[];
}

export type Input =
  | { kind: 'effectResult'; commandId: string; result: EffectResult }
  | { kind: 'lookupResult'; commandId: string; answer: FactAnswer | CapAnswer }
  /** The time a sleep or wait asked for has come. */
  | { kind: 'timer' }
  | { kind: 'event'; event: FlowEvent }
  | { kind: 'cancel'; reason?: string };

/** One line of "why did this contact get / not get this message". */
export interface Step {
  at: string;
  nodeId: string;
  type: string;
  visit: number;
  /** The output taken ("yes", "timeout"), or what happened: "sent", "skipped", "waiting", "exited". */
  outcome: string;
  detail?: string;
}

export type Pending =
  | { kind: 'effect'; commandId: string; nodeId: string; visit: number }
  | { kind: 'lookup'; commandId: string; nodeId: string; visit: number; purpose: 'condition' | 'cap' }
  | { kind: 'sleep'; until: string; nodeId: string; visit: number; purpose: 'wait' | 'window' | 'cap' }
  | { kind: 'event'; match: EventMatch; until: string; nodeId: string; visit: number };

export interface RunState {
  v: 1;
  status: 'running' | 'waiting' | 'done';
  ctx: RunContext;
  pending?: Pending;
  visits: Record<string, number>;
  /** Counter for command ids, so that replays produce the same ids. */
  seq: number;
  /**
   * Events that arrived while the run was busy (an effect or lookup in flight, a message held by
   * the send window or the cap), offered to the next event waits it reaches without pausing;
   * emptied once it pauses on a wait. At most INBOX_LIMIT, oldest dropped.
   */
  inbox: FlowEvent[];
  startedAt: string;
  endedAt?: string;
  end?: { reason: EndReason; nodeId?: string; detail?: string };
}

export interface Advance {
  state: RunState;
  commands: Command[];
  steps: Step[];
}
