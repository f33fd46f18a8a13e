/**
 * The contract between the flow workflow and the worker's activities. Types only: workflow code
 * must never import activity implementations (they do I/O), and the runtime implements exactly
 * this interface. Everything crossing it is plain JSON.
 */
import type { Contact, FlowEvent, FlowGraph, Order } from '@nudgeflow/shared';
import type { CapAnswer, CapQuery, Command, EffectResult, EndReason, RunState, Step } from '@nudgeflow/shared/interpreter';
import type { FactAnswer, FactQuery } from '@nudgeflow/shared/nodes';
import type { PortableNodeType } from '@nudgeflow/shared/plugins';

export const TASK_QUEUE = 'nudgeflow';
export const FLOW_RUN_WORKFLOW = 'flowRun';
export const EVENT_SIGNAL = 'event';
export const CANCEL_SIGNAL = 'cancel';
export const PROGRESS_QUERY = 'progress';

/**
 * Error type an activity throws (ApplicationFailure type) for input that can never succeed: a bad
 * phone number, a template that does not render. Never retried; the run ends failed at that node.
 */
export const INVALID_INPUT_ERROR = 'InvalidInput';

/** Search attributes the dev server registers and the API filters on ("who is where"). */
export const SEARCH_ATTRIBUTES = {
  flowId: 'NudgeflowFlowId',
  nodeId: 'NudgeflowNodeId',
  contactId: 'NudgeflowContactId',
} as const;

/** Who this run is: the ids every activity needs. */
export interface RunRef {
  /** Unique per flow entry (a contact re-entering gets a new one); the prefix of idempotency keys. */
  runId: string;
  workflowId: string;
  flowId: string;
  /** 0 for a live test run of a draft or of a graph sent inline: there is no published version. */
  flowVersion: number;
  contactId: string;
  /** A test run: effects must not reach real customers nor consume real codes. */
  test?: boolean;
  /** A test run's messages go to these (the admin's own) instead of the outbox; never the contact's. */
  deliverTo?: { email?: string; phone?: string };
}

export type EffectCommand = Extract<Command, { kind: 'effect' }>;

export interface FlowRunInput {
  run: RunRef;
  /** The pinned, immutable published version: publishing again never changes a run in flight. */
  flow: {
    id: string;
    name: string;
    version: number;
    graph: FlowGraph;
    /** The custom node types the graph uses, as they were at publish (absent: none, built-ins only). */
    nodeTypes?: PortableNodeType[];
  };
  contact: Contact;
  trigger?: FlowEvent;
  order?: Order;
  /** Flow seconds per real second: 1 in production; tests and live test runs compress time. */
  timeScale?: number;
  /** Flow time at the start (ISO); absent: now. A live test run runs on its scenario's clock. */
  flowStartAt?: string;
  /** Events the run receives by itself at their flow time, as if signalled: a live test run's scripted events. */
  scheduled?: ScheduledEvent[];
  /** Set by continue-as-new: the run picks up where it was. */
  resume?: FlowRunResume;
  /** Continue-as-new once the history has this many events (default 2,000); tests set it low. */
  continueAsNewAfter?: number;
}

export interface ScheduledEvent {
  /** Flow seconds after the run's start. */
  atSeconds: number;
  event: FlowEvent;
}

export interface FlowRunResume {
  state: RunState;
  /** Steps recorded so far (their sequence numbers continue from here). */
  stepCount: number;
  /** Flow time and real time when the run began, for the time scale. */
  flowStartMs: number;
  realStartMs: number;
  /** Signals received but not yet handed to the interpreter. */
  queued: FlowEvent[];
  /** Ids of events already received, so a redelivered signal is not taken twice. */
  seenEventIds?: string[];
  /** The tail of the step log, for the progress query. */
  recentSteps?: Step[];
}

export interface RecordProgressInput {
  run: RunRef;
  /** Sequence number (from 0) of the first step in `steps`; (runId, seq) makes a retried call harmless. */
  fromSeq: number;
  steps: Step[];
  status: RunState['status'];
  /** The node the run is at (waiting or working), if any. */
  nodeId?: string;
  end?: { reason: EndReason; nodeId?: string; detail?: string };
  at: string;
}

export interface FlowActivities {
  /** Carries out one effect; idempotent per `command.idempotencyKey` (a retry after a crash never sends twice). */
  executeEffect(input: { run: RunRef; command: EffectCommand }): Promise<EffectResult>;
  /**
   * Reads fresh facts for a condition or the frequency cap. `nodeId` and `visit` (absent in
   * histories from before custom node types) name the node asking: a plugin condition gets them.
   */
  lookupFacts(input: { run: RunRef; query: FactQuery | CapQuery; now: string; nodeId?: string; visit?: number }): Promise<FactAnswer | CapAnswer>;
  /** Persists steps and where the run is: the answer to "why did this contact get this message". */
  recordProgress(input: RecordProgressInput): Promise<void>;
}

/** What the workflow returns: how the run ended. */
export interface FlowRunResult {
  end: NonNullable<RunState['end']>;
  stepCount: number;
}

/** What the progress query answers. */
export interface FlowRunProgress {
  status: RunState['status'];
  nodeId?: string;
  end?: RunState['end'];
  /** The most recent steps (up to 200). */
  steps: Step[];
  stepCount: number;
}
