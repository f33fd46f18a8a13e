import type { FlowEvent } from '../data/event';
import type { Order } from '../data/order';
import { compileFlow, type FlowRef } from '../interpreter/compile-flow';
import { formatOffset } from '../time/duration';
import type { SimClock, SimWorld, TimedEvent } from './sim-world';

export type StartPoint =
  | { kind: 'start'; atSeconds: number; trigger?: FlowEvent; order?: Order; /** Index of the first event the run has not seen. */ next: number }
  | { kind: 'notStarted'; detail: string }
  | { kind: 'failed'; nodeId: string; detail: string };

interface Setup {
  ref: FlowRef;
  script: TimedEvent[];
  world: SimWorld;
  clock: SimClock;
  horizon: number;
}

/**
 * When the run starts. An event trigger starts on the first scripted event it accepts; a date
 * or inactivity trigger at its fire time, recomputed after every event (an order moves the
 * last-order date, an order event brings a delivery date). Events before the start only change
 * the simulated world.
 */
export function findStart({ ref, script, world, clock, horizon }: Setup): StartPoint {
  const flow = compileFlow(ref.graph, ref.registry);
  const node = flow.trigger.ok ? flow.nodes.get(flow.trigger.nodeId) : undefined;
  // A flow that cannot start properly starts at once, so that the interpreter reports why.
  if (flow.problem || !node?.ok) return { kind: 'start', atSeconds: 0, next: 0 };
  const { behavior } = node.def;
  const { config } = node;
  try {
    switch (behavior.kind) {
      case 'eventTrigger': {
        for (let i = 0; i < script.length; i++) {
          const timed = script[i] as TimedEvent;
          if (timed.atSeconds > horizon) break;
          const event = world.observe(timed);
          if (behavior.matches(config, event)) return { kind: 'start', atSeconds: timed.atSeconds, trigger: event, next: i + 1 };
        }
        return { kind: 'notStarted', detail: `no ${behavior.eventType(config)} event started the flow` };
      }
      case 'scheduleTrigger': {
        let i = 0;
        let at = 0;
        for (;;) {
          // Just before `at`, so a fire time equal to an event's time still counts after that event.
          const after = new Date(clock.date(at).getTime() - 1);
          const order = world.latestOrder;
          const fire = behavior.nextFireAt(config, { contact: world.contact, ...(order ? { order } : {}) }, after, flow.settings);
          const fireAt = fire ? clock.secondsOf(fire) : undefined;
          const next = script[i];
          const eventDue = next !== undefined && next.atSeconds <= horizon;
          if (fireAt !== undefined && fireAt <= horizon && (!eventDue || fireAt < next.atSeconds))
            return { kind: 'start', atSeconds: fireAt, ...(order ? { order } : {}), next: i };
          if (!eventDue) {
            const detail = fireAt === undefined ? 'the trigger found no date to fire on' : `the trigger would fire at ${formatOffset(fireAt)}, after the horizon`;
            return { kind: 'notStarted', detail };
          }
          world.observe(next);
          at = next.atSeconds;
          i += 1;
        }
      }
      default:
        return { kind: 'start', atSeconds: 0, next: 0 };
    }
  } catch (error) {
    return { kind: 'failed', nodeId: node.node.id, detail: `the trigger stopped with an error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
