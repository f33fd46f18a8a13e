import { randomUUID } from 'node:crypto';
import type { FlowEvent, FlowGraph, GraphNode, Order } from '@nudgeflow/shared';
import { templates } from '@nudgeflow/shared/templates';

/*
 * Flows and shop events for the integration tests. The payment reminder is the shipped template
 * itself, with its durations shortened ("short durations in test graphs"): the code path is the
 * product's own, only the waits are seconds instead of days.
 */

const reminderTemplate = templates.find((t) => t.slug === 'eproduct-payment-reminder');
if (!reminderTemplate) throw new Error('the eproduct-payment-reminder template is missing');
const template = reminderTemplate;

/** Jana from the template's sample story: her name and consent, with unique ids so tests never share a contact. */
export interface Shopper {
  id: string;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
  timezone: string;
  consent: { email: boolean; sms: boolean };
}

let phoneCounter = 0;

/** A fresh contact: email and phone are identity keys too, so they must be unique as well. */
export function shopper(label: string): Shopper {
  const { contact } = template.scenario;
  const suffix = randomUUID().slice(0, 8);
  // A Czech mobile number (+420 77x xxx xxx, a range that exists: SMS numbers must be valid); each
  // test file has its own database, so a counter is enough.
  const digits = String(1_000_000 + phoneCounter++);
  return {
    id: `${label}-${suffix}`,
    email: `${label}-${suffix}@example.com`,
    phone: `+42077${digits}`,
    firstName: contact.firstName ?? 'Jana',
    lastName: contact.lastName ?? 'Nováková',
    timezone: contact.timezone ?? 'Europe/Prague',
    consent: { email: true, sms: true },
  };
}

/** The template's e-book order under a new id and number. */
export function ebookOrder(label: string): Order {
  const first = template.scenario.events[0];
  if (!first?.order) throw new Error('the payment-reminder template story starts without an order');
  const n = randomUUID().slice(0, 6).toUpperCase();
  return { ...structuredClone(first.order), id: `${label}-${n}`, number: `2025-${n}` };
}

export function shopEvent(type: string, who: Shopper, order?: Order, id = `${type}-${randomUUID()}`): FlowEvent {
  return { id, type, occurredAt: new Date().toISOString(), contact: who, ...(order ? { order } : {}) };
}

function node(graph: FlowGraph, id: string): GraphNode {
  const found = graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`the payment-reminder template has no node "${id}"`);
  return found;
}

/**
 * The shipped payment-reminder template with short waits: `paymentTimeout` instead of 24 h for
 * the payment, and the second wait (after the SMS) left long, so a reminded run parks there and
 * the cancellation branch (email, a webhook to the shop) stays out of these tests.
 * The send window (08:00-20:00 in the contact's zone) is dropped: it would hold the SMS until
 * morning when the suite runs at night, which is its own feature, not the one under test.
 */
export function paymentReminderFlow(options: { paymentTimeout: string; name: string }): FlowGraph {
  const graph = structuredClone(template.graph);
  graph.name = options.name;
  const { sendWindow: _dropped, ...settings } = graph.settings;
  graph.settings = settings;
  node(graph, 'wait_paid').config = { ...node(graph, 'wait_paid').config, timeout: options.paymentTimeout };
  node(graph, 'wait_paid_again').config = { ...node(graph, 'wait_paid_again').config, timeout: 'PT1H' };
  return graph;
}

/** order.created -> a transactional SMS at once: the smallest flow that sends one message per run. */
export function orderConfirmationFlow(name: string): FlowGraph {
  return {
    schemaVersion: 1,
    name,
    // "always": every new order starts a run, so only the event id can keep a duplicate out.
    settings: { reentry: 'always', runPer: 'contact', exitOn: [], timezone: 'UTC' },
    nodes: [
      { id: 'trigger', type: 'trigger.event', position: { x: 0, y: 0 }, config: { event: 'order.created' } },
      {
        id: 'sms_confirm',
        type: 'action.sendSms',
        position: { x: 0, y: 150 },
        config: { body: 'Thanks {{ contact.firstName }}, we got order {{ order.number }}.', transactional: true },
      },
    ],
    edges: [{ id: 'trigger-sms_confirm', source: 'trigger', target: 'sms_confirm' }],
  };
}

/** The text the template's SMS node renders for this contact and order. */
export function expectedReminderSms(who: Shopper, order: Order): string {
  return `Hi ${who.firstName}, order ${order.number} (${order.total} ${order.currency}) is still waiting for payment. As soon as it arrives, we will email you the e-book.`;
}

/** Seconds of an ISO duration like "PT6S" (only the forms these tests use). */
export function durationMs(iso: string): number {
  const match = /^PT(\d+)S$/.exec(iso);
  if (!match) throw new Error(`durationMs reads "PT<n>S" only, not "${iso}"`);
  return Number(match[1]) * 1000;
}
