import type { Cart, Contact, Order, RunContext } from '@nudgeflow/shared';

/** A realistic customer of a Czech e-shop, so a preview reads like the real email. */
export const sampleContact: Contact = {
  id: 'preview-contact',
  email: 'jana.novakova@example.cz',
  phone: '+420777123456',
  firstName: 'Jana',
  lastName: 'Nováková',
  timezone: 'Europe/Prague',
  tags: ['newsletter', 'ebooks'],
  customerType: 'retail',
  orderCount: 3,
  consent: { email: true, sms: true },
};

/** An e-book order waiting for a bank transfer: what payment reminders and receipts talk about. */
export const sampleOrder: Order = {
  id: 'preview-order',
  number: '2025-1042',
  status: 'created',
  paymentStatus: 'pending',
  paymentMethod: 'transfer',
  total: 349,
  currency: 'CZK',
  createdAt: '2025-03-12T09:41:00+01:00',
  items: [
    {
      sku: 'EBOOK-PRAHA',
      name: 'Pražské procházky (e-kniha)',
      category: 'e-books',
      price: 349,
      quantity: 1,
      url: 'https://shop.example.cz/e-knihy/prazske-prochazky',
      imageUrl: 'https://shop.example.cz/img/prazske-prochazky.jpg',
    },
  ],
};

/** The same e-book left in the cart, for abandoned-cart emails. */
export const sampleCart: Cart = {
  id: 'preview-cart',
  items: sampleOrder.items,
  total: 349,
  currency: 'CZK',
  url: 'https://shop.example.cz/kosik',
};

export interface SampleOverrides {
  contact?: Record<string, unknown>;
  order?: Record<string, unknown>;
  codes?: Record<string, string>;
}

/** The run a preview renders for: the samples, with any fields the caller gives laid over them. */
export function sampleContext(overrides: SampleOverrides = {}): RunContext {
  const order = { ...sampleOrder, ...overrides.order } as Order;
  return {
    flow: { id: 'preview', name: 'Preview', version: 1 },
    runId: 'preview-run',
    contact: { ...sampleContact, ...overrides.contact } as Contact,
    order,
    cart: sampleCart,
    product: order.items[0] ? { sku: order.items[0].sku, name: order.items[0].name, price: order.items[0].price, url: order.items[0].url } : undefined,
    codes: { discount: 'JARO-7Q2K', ...overrides.codes },
    test: true,
  };
}
