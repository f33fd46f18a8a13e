import type { Contact } from '../data/contact';
import type { FlowEvent } from '../data/event';
import type { Order } from '../data/order';
import { applyContactChanges, type ContextPatch, type RunContext } from '../nodes/context';

export function initialContext(args: {
  flow: RunContext['flow'];
  runId: string;
  contact: Contact;
  trigger?: FlowEvent;
  order?: Order;
  test?: boolean;
}): RunContext {
  const { trigger } = args;
  const order = args.order ?? trigger?.order;
  return {
    flow: args.flow,
    runId: args.runId,
    contact: args.contact,
    ...(order ? { order } : {}),
    ...(trigger?.cart ? { cart: trigger.cart } : {}),
    ...(trigger?.product ? { product: trigger.product } : {}),
    ...(trigger ? { event: trigger, trigger } : {}),
    codes: {},
    ...(args.test ? { test: true } : {}),
  };
}

/**
 * Codes are merged by pool; contact fields are merged, so a patch's `tags` replaces the list, and
 * a field set to null is cleared. No patched() guard: until null meant "clear", no effect sent a
 * null (a cleared field went as undefined and was lost in JSON), so recorded histories apply the
 * same patches to the same contacts as before.
 */
export function applyPatch(ctx: RunContext, patch: ContextPatch | undefined): RunContext {
  if (!patch) return ctx;
  return {
    ...ctx,
    ...(patch.codes ? { codes: { ...ctx.codes, ...patch.codes } } : {}),
    ...(patch.contact ? { contact: applyContactChanges(ctx.contact, patch.contact) } : {}),
  };
}

/** A wait received `event`: it becomes the run's latest event, and refreshes the run's order. */
export function adoptEvent(ctx: RunContext, event: FlowEvent): RunContext {
  const sameOrder = event.order && ctx.order && event.order.id === ctx.order.id;
  return { ...ctx, event, ...(sameOrder ? { order: event.order } : {}) };
}

/** What rule filters over an incoming event see: the event's own order/cart/product first. */
export function eventFacts(ctx: RunContext, event: FlowEvent): Record<string, unknown> {
  return {
    contact: ctx.contact,
    order: event.order ?? ctx.order,
    cart: event.cart ?? ctx.cart,
    product: event.product ?? ctx.product,
    event,
  };
}
