import type { Scenario, ScenarioInput } from '@nudgeflow/shared';
import { formatOffsetLabel } from '../timeline/offset-label';
import type { ScenarioDoc } from './scenario-document';

/** One event of the scenario as the timeline lists it. */
export interface ScriptedEventView {
  /** Its place in the document's `events`. */
  index: number;
  /** Stable while events are added or removed elsewhere: what the on/off toggles remember. */
  key: string;
  type: string;
  atSeconds: number;
  /** "order.paid at +2 h". */
  label: string;
}

export const offsetUnits = [
  { id: 'minutes', seconds: 60 },
  { id: 'hours', seconds: 3600 },
  { id: 'days', seconds: 86400 },
] as const;
export type OffsetUnit = (typeof offsetUnits)[number]['id'];

export function offsetSeconds(amount: number, unit: OffsetUnit): number {
  const size = offsetUnits.find((u) => u.id === unit)?.seconds ?? 1;
  return Math.round(amount * size);
}

interface RawEvent {
  type: string;
  atSeconds: number;
  order?: Record<string, unknown>;
  cart?: unknown;
  product?: unknown;
}

/** The document's events; it has been checked against scenarioSchema, so they have these fields. */
function rawEvents(doc: ScenarioDoc): RawEvent[] {
  return Array.isArray(doc.events) ? (doc.events as RawEvent[]) : [];
}

/** Events in document order, each keyed by type, time and how many alike came before it. */
export function scriptedEvents(doc: ScenarioDoc): ScriptedEventView[] {
  const seen = new Map<string, number>();
  return rawEvents(doc).map((event, index) => {
    const base = `${event.type}@${event.atSeconds}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { index, key: `${base}#${n}`, type: event.type, atSeconds: event.atSeconds, label: `${event.type} at ${formatOffsetLabel(event.atSeconds)}` };
  });
}

/**
 * What a new event carries: an order event the scenario's own order (an "order.paid" marks it
 * paid), so that "same order" waits accept it; a cart or product event the scenario's cart or
 * product; others nothing.
 */
function payloadFor(type: string, events: RawEvent[]): Partial<RawEvent> {
  const [kind] = type.split('.');
  if (kind === 'order') {
    const order = events.find((e) => e.order)?.order;
    if (!order) return {};
    return { order: type === 'order.paid' ? { ...order, paymentStatus: 'paid' } : order };
  }
  if (kind === 'cart') {
    const cart = events.find((e) => e.cart)?.cart;
    return cart ? { cart } : {};
  }
  if (kind === 'product') {
    const product = events.find((e) => e.product)?.product;
    return product ? { product } : {};
  }
  return {};
}

/** The document with one more event, placed in time order after any at the same second. */
export function addScriptedEvent(doc: ScenarioDoc, type: string, atSeconds: number): ScenarioDoc {
  const events = rawEvents(doc);
  const event = { atSeconds, type, ...payloadFor(type, events) };
  const at = events.findIndex((e) => e.atSeconds > atSeconds);
  const next = at === -1 ? [...events, event] : [...events.slice(0, at), event, ...events.slice(at)];
  return { ...doc, events: next };
}

export function removeScriptedEvent(doc: ScenarioDoc, index: number): ScenarioDoc {
  return { ...doc, events: rawEvents(doc).filter((_, i) => i !== index) };
}

/** The scenario to run: the events switched off in the timeline left out. */
export function enabledScenario(scenario: Scenario, doc: ScenarioDoc, disabled: ReadonlySet<string>): ScenarioInput {
  if (disabled.size === 0) return scenario;
  const off = new Set(scriptedEvents(doc).filter((e) => disabled.has(e.key)).map((e) => e.index));
  return { ...scenario, events: scenario.events.filter((_, i) => !off.has(i)) };
}
