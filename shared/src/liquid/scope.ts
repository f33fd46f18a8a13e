import type { RunContext } from '../nodes/context';

/** Links the channels fill in per message; the simulator shows placeholders. */
export interface MessageLinks {
  unsubscribe: string;
  viewInBrowser: string;
}

/** Names a template may use at the top level. The validator reports anything else. */
export const templateRoots = ['contact', 'order', 'items', 'cart', 'product', 'event', 'codes', 'flow', 'links'] as const;

/** What a template sees: `{{ contact.firstName }}`, `{% for item in items %}`, `{{ codes.ebook }}`. */
export function templateScope(ctx: RunContext, links?: Partial<MessageLinks>): Record<string, unknown> {
  return {
    contact: ctx.contact,
    order: ctx.order,
    items: ctx.order?.items ?? ctx.cart?.items ?? [],
    cart: ctx.cart,
    product: ctx.product,
    event: ctx.event,
    codes: ctx.codes,
    flow: ctx.flow,
    links: { unsubscribe: links?.unsubscribe ?? '#unsubscribe', viewInBrowser: links?.viewInBrowser ?? '#view-in-browser' },
  };
}
