import type { Contact } from '../data/contact';
import type { FlowEvent } from '../data/event';
import type { Order } from '../data/order';
import { compileFlow, type FlowRef } from './compile-flow';
import { initialContext } from './context';
import { runFromTrigger } from './enter-node';
import { closeTurn, finish, openTurn } from './turn';
import type { Advance, RunState } from './types';

export interface StartArgs {
  runId: string;
  contact: Contact;
  /** The event that started the run; absent for date and inactivity triggers. */
  trigger?: FlowEvent;
  /** Defaults to the trigger event's order. */
  order?: Order;
  now: Date;
  test?: boolean;
}

/** Starts a run at the flow's trigger and moves it as far as it goes without waiting. */
export function startRun(ref: FlowRef, args: StartArgs): Advance {
  const flow = compileFlow(ref.graph, ref.registry);
  const state: RunState = {
    v: 1,
    status: 'running',
    ctx: initialContext({ flow: ref.flow, ...args }),
    visits: {},
    seq: 0,
    inbox: [],
    startedAt: args.now.toISOString(),
  };
  const turn = openTurn(ref, flow, state, args.now);
  if (flow.problem) finish(turn, 'failed', undefined, flow.problem);
  else if (!flow.trigger.ok) finish(turn, 'failed', undefined, flow.trigger.problem);
  else runFromTrigger(turn, flow.trigger.nodeId);
  return closeTurn(turn);
}
