import type { FlowEvent } from '@nudgeflow/shared';

/** How many event ids the queue remembers to drop redelivered signals. */
export const SEEN_EVENT_LIMIT = 1000;

/**
 * Events signalled to the run, in arrival order, each taken once: the dispatcher may deliver the
 * same event again (an outbox retry), and a wait must not take a payment it already took.
 */
export class EventQueue {
  private readonly items: FlowEvent[];
  private readonly seenOrder: string[];
  private readonly seen: Set<string>;

  constructor(queued: FlowEvent[] = [], seenIds: string[] = []) {
    this.items = [...queued];
    this.seenOrder = [...seenIds];
    this.seen = new Set(seenIds);
    for (const event of queued) this.remember(event.id);
  }

  /** Queues the event; false when it was seen before. */
  push(event: FlowEvent): boolean {
    if (this.seen.has(event.id)) return false;
    this.remember(event.id);
    this.items.push(event);
    return true;
  }

  /** An event the run already has another way (its trigger) is not queued when signalled. */
  remember(id: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.seenOrder.push(id);
    if (this.seenOrder.length > SEEN_EVENT_LIMIT) this.seen.delete(this.seenOrder.shift() as string);
  }

  shift(): FlowEvent | undefined {
    return this.items.shift();
  }

  get size(): number {
    return this.items.length;
  }

  /** For continue-as-new. */
  snapshot(): { queued: FlowEvent[]; seenEventIds: string[] } {
    return { queued: [...this.items], seenEventIds: [...this.seenOrder] };
  }
}
