import type { FlowEvent } from '@nudgeflow/shared';
import type { ScheduledEvent } from './contract';

/**
 * Events a run receives by itself at a flow time (a live test run's "order.paid at +30 h"). Pure:
 * the workflow passes flow time. After continue-as-new the list starts over from the input;
 * events handed out before come again and the event queue drops them by id.
 */
export class ScheduledEvents {
  private readonly items: { atMs: number; event: FlowEvent }[];
  private next = 0;

  constructor(scheduled: ScheduledEvent[], flowStartMs: number) {
    // Whole milliseconds, rounded up: an event is never due before its time. Stable: equal times keep their order.
    this.items = scheduled.map((s) => ({ atMs: Math.ceil(flowStartMs + s.atSeconds * 1000), event: s.event })).sort((a, b) => a.atMs - b.atMs);
  }

  /** The events due at flow time `flowMs` (fractional), each once, in time order. */
  due(flowMs: number): FlowEvent[] {
    const due: FlowEvent[] = [];
    for (let item = this.items[this.next]; item && item.atMs <= flowMs; item = this.items[this.next]) {
      due.push(item.event);
      this.next += 1;
    }
    return due;
  }

  /** Flow time (ms) of the next event not handed out yet. */
  nextAtMs(): number | undefined {
    return this.items[this.next]?.atMs;
  }
}
