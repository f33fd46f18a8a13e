import {
  builtinRegistry,
  compileFlow,
  scriptEvents,
  SimClock,
  simulate,
  SimWorld,
  type Contact,
  type FlowEvent,
  type FlowGraph,
  type NodeRegistry,
  type Order,
  type Scenario,
  type SimEnd,
  type TimedEvent,
} from '@nudgeflow/shared';
import type { ScheduledEvent } from '@nudgeflow/workflows/contract';

/** How a live test run begins: as the simulation of the same scenario begins. */
export type LivePlan =
  | {
      kind: 'start';
      /** Scenario seconds of the start (the trigger's time): the run's flow clock starts there. */
      startSeconds: number;
      contact: Contact;
      trigger?: FlowEvent;
      order?: Order;
      /** The scenario's later events, in flow seconds after the start. */
      scheduled: ScheduledEvent[];
    }
  /** The run never starts (no event the trigger accepts) or cannot (the trigger failed): the simulation's end says why. */
  | { kind: 'ended'; end: SimEnd };

const withContact = (event: FlowEvent, contact: Contact): FlowEvent => ({ ...event, contact });

/**
 * Where and how the live run starts. The simulation decides when (an event trigger's first
 * accepted event, a date trigger's fire time), so that the live run and the simulation agree;
 * events up to the start change the contact as they do in the simulation (SimWorld), the trigger
 * event starts the run, and the later events reach it at their time. Events past the scenario's
 * horizon are left out, as the simulation leaves them out. Every event and the run carry the test
 * contact (`contactId`), never the scenario's id.
 */
export function planLiveRun(graph: FlowGraph, scenario: Scenario, contactId: string, registry: NodeRegistry = builtinRegistry): LivePlan {
  const simulated = simulate(graph, scenario, { registry });
  const [first] = simulated.steps;
  if (!first) return { kind: 'ended', end: simulated.end };
  const startSeconds = first.atSeconds;

  const clock = new SimClock(scenario.now);
  const script = scriptEvents(scenario, clock).filter((timed) => timed.atSeconds <= scenario.horizonSeconds);
  const world = new SimWorld(scenario, clock, script);
  const flow = compileFlow(graph, registry);
  const triggerNode = flow.trigger.ok ? flow.nodes.get(flow.trigger.nodeId) : undefined;
  const accepts = (event: FlowEvent): boolean => {
    if (!triggerNode?.ok) return false;
    const { behavior } = triggerNode.def;
    return behavior.kind === 'eventTrigger' && behavior.matches(triggerNode.config, event);
  };

  let trigger: FlowEvent | undefined;
  let next = 0;
  for (; next < script.length; next++) {
    const timed = script[next] as TimedEvent;
    if (timed.atSeconds > startSeconds) break;
    const seen = world.observe(timed);
    if (timed.atSeconds === startSeconds && accepts(seen)) {
      trigger = seen;
      next += 1;
      break;
    }
  }
  const contact: Contact = { ...world.contact, id: contactId };
  const order = trigger ? trigger.order : world.latestOrder;
  const scheduled = script.slice(next).map(({ atSeconds, event, contactUpdate }) => ({
    atSeconds: atSeconds - startSeconds,
    event: withContact(event, { ...contact, ...contactUpdate, id: contactId }),
  }));
  return {
    kind: 'start',
    startSeconds,
    contact,
    ...(trigger ? { trigger: withContact(trigger, contact) } : {}),
    ...(order ? { order } : {}),
    scheduled,
  };
}
