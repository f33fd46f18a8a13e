import type { Contact } from '../data/contact';
import type { FlowEvent } from '../data/event';
import type { Order, OrderItem } from '../data/order';
import type { Scenario } from './scenario';

/** A scripted event, placed on the virtual clock. */
export interface TimedEvent {
  atSeconds: number;
  event: FlowEvent;
  /** Contact fields the scripted event brings along. */
  contactUpdate?: Partial<Contact>;
}

export interface Purchase {
  atSeconds: number;
  orderId: string;
  label: string;
  items: OrderItem[];
}

export interface SentMessage {
  nodeId: string;
  atSeconds: number;
  marketing: boolean;
}

/** Seconds on the virtual clock <-> real instants. */
export class SimClock {
  readonly startMs: number;

  constructor(now: string) {
    this.startMs = Date.parse(now);
  }

  date(seconds: number): Date {
    return new Date(this.startMs + seconds * 1000);
  }

  seconds(iso: string): number {
    return (Date.parse(iso) - this.startMs) / 1000;
  }

  secondsOf(date: Date): number {
    return (date.getTime() - this.startMs) / 1000;
  }
}

const ORDER_EVENTS = new Set(['order.created', 'order.paid']);

/** The scripted events as FlowEvents in time order (equal times keep the script's order). */
export function scriptEvents(scenario: Scenario, clock: SimClock): TimedEvent[] {
  return scenario.events
    .map((e, index) => {
      const { atSeconds, id, type, order, cart, product, data, contact } = e;
      const event: FlowEvent = {
        id: id ?? `sim-${index}`,
        type,
        occurredAt: clock.date(atSeconds).toISOString(),
        contact: scenario.contact,
        ...(order ? { order } : {}),
        ...(cart ? { cart } : {}),
        ...(product ? { product } : {}),
        ...(data ? { data } : {}),
      };
      return { atSeconds, event, index, ...(contact ? { contactUpdate: contact } : {}) };
    })
    .sort((a, b) => a.atSeconds - b.atSeconds || a.index - b.index)
    .map(({ index: _index, ...timed }) => timed);
}

/**
 * What the simulated shop knows besides the run: the contact as events change it, past and
 * scripted purchases, messages this simulation sent and codes it handed out.
 */
export class SimWorld {
  contact: Contact;
  latestOrder: Order | undefined;
  readonly sent: SentMessage[] = [];
  readonly #purchases: Purchase[];
  readonly #codesTaken = new Map<string, number>();

  constructor(
    private readonly scenario: Scenario,
    private readonly clock: SimClock,
    private readonly script: TimedEvent[],
  ) {
    this.contact = { ...scenario.contact };
    const seen = new Set<string>();
    const purchases: Purchase[] = [];
    const add = (order: Order, atSeconds: number) => {
      if (seen.has(order.id)) return;
      seen.add(order.id);
      purchases.push({ atSeconds, orderId: order.id, label: `order ${order.number ?? order.id}`, items: order.items });
    };
    for (const o of scenario.orders) add(o, clock.seconds(o.at));
    for (const { atSeconds, event } of script) if (event.order && ORDER_EVENTS.has(event.type)) add(event.order, atSeconds);
    this.#purchases = purchases;
  }

  /**
   * An event happened: what it says about the contact is merged in, and an order or a login moves
   * the contact's counters, as ingestion does, unless the shop sent them itself. Returns the event
   * as the run sees it: with the contact as it is now.
   */
  observe({ event, contactUpdate = {} }: TimedEvent): FlowEvent {
    if (event.order) this.latestOrder = event.order;
    let contact: Contact = { ...this.contact, ...contactUpdate };
    if (event.type === 'order.created')
      contact = { ...contact, lastOrderAt: contactUpdate.lastOrderAt ?? event.occurredAt, orderCount: contactUpdate.orderCount ?? (this.contact.orderCount ?? 0) + 1 };
    if (event.type === 'customer.login') contact = { ...contact, lastLoginAt: contactUpdate.lastLoginAt ?? event.occurredAt };
    this.contact = contact;
    return { ...event, contact };
  }

  purchasesUntil(atSeconds: number): Purchase[] {
    return this.#purchases.filter((p) => p.atSeconds <= atSeconds);
  }

  /** Scripted events of a type up to a time. */
  eventsUntil(type: string, atSeconds: number): TimedEvent[] {
    return this.script.filter((e) => e.event.type === type && e.atSeconds <= atSeconds);
  }

  recordSend(message: SentMessage): void {
    this.sent.push(message);
  }

  /** The pool's next code, or undefined when the scenario's list is used up. */
  takeCode(pool: string): string | undefined {
    const taken = this.#codesTaken.get(pool) ?? 0;
    const list = this.scenario.codePools[pool];
    if (list && taken >= list.length) return undefined;
    this.#codesTaken.set(pool, taken + 1);
    return list ? list[taken] : `${pool.toUpperCase()}-${String(taken + 1).padStart(4, '0')}`;
  }

  webhookStatus(nodeId: string): number {
    return this.scenario.webhookStatus[nodeId] ?? 200;
  }

  /** The scenario's answer for a plugin condition node, if it scripts one. */
  scriptedCheck(nodeId: string): boolean | string | undefined {
    return this.scenario.checks[nodeId];
  }

  iso(atSeconds: number): string {
    return this.clock.date(atSeconds).toISOString();
  }
}
