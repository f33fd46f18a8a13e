import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flowGraphSchema } from '../src/graph/schema';
import { scenarioSchema, type ScenarioInput } from '../src/simulator/scenario';
import { simulate } from '../src/simulator/simulate';
import type { SimEnd, SimulationResult } from '../src/simulator/types';
import { validate } from '../src/validator/validate';
import { findTemplate, templateCategories, templates, type FlowTemplate } from './index';

const here = fileURLToPath(new URL('.', import.meta.url));
const folders = readdirSync(here).filter((name) => statSync(`${here}/${name}`).isDirectory());

function templateOf(slug: string): FlowTemplate {
  const found = findTemplate(slug);
  if (!found) throw new Error(`no template "${slug}" in the index`);
  return found;
}

function readScenario(slug: string, file: string): ScenarioInput {
  return JSON.parse(readFileSync(`${here}/${slug}/${file}`, 'utf8')) as ScenarioInput;
}

interface ExpectedAction {
  nodeId: string;
  channel?: 'email' | 'sms' | 'webhook' | 'internal';
  atSeconds: number;
  status: string;
  /** Text the rendered recipient, subject or body must contain. */
  shows: string[];
  /** Text it must not contain. */
  hides?: string[];
}

interface Case {
  slug: string;
  /** An events file in the template's folder. */
  file: string;
  /** What this case shows; for the test title. */
  story: string;
  /** A change to the file's scenario, for a path not worth a file of its own. */
  tweak?: (scenario: ScenarioInput) => void;
  path: string[];
  actions: ExpectedAction[];
  end: SimEnd['reason'];
}

/** Node ids the run went through, each visit once (a wait logs "waiting" and then its outcome). */
function pathOf(result: SimulationResult): string[] {
  return result.steps.map((s) => s.nodeId).filter((id, i, all) => id !== all[i - 1]);
}

function scenarioFor(c: Case): ScenarioInput {
  const scenario = structuredClone(readScenario(c.slug, c.file));
  c.tweak?.(scenario);
  return scenario;
}

const DAY = 86400;
const HOUR = 3600;

const cases: Case[] = [
  // eproduct-payment-reminder -----------------------------------------------------------
  {
    slug: 'eproduct-payment-reminder',
    file: 'events.json',
    story: 'unpaid after a day: SMS reminder, then paid: licence email',
    path: ['trigger', 'is_ebook', 'wait_paid', 'sms_reminder', 'wait_paid_again', 'assign_licence', 'email_licence'],
    actions: [
      { nodeId: 'sms_reminder', channel: 'sms', atSeconds: DAY, status: 'sent', shows: ['+420777123456', 'Hi Jana, order 2025-5001 (349 CZK) is still waiting for payment'] },
      { nodeId: 'assign_licence', atSeconds: 28 * HOUR, status: 'done', shows: ['EBK-7Q4M-22XD'] },
      {
        nodeId: 'email_licence',
        channel: 'email',
        atSeconds: 28 * HOUR,
        status: 'sent',
        shows: ['jana.novakova@example.com', 'Your e-book from order 2025-5001', 'Thank you, Jana!', 'EBK-7Q4M-22XD', 'Sourdough at Home (e-book) 1 349 CZK'],
      },
    ],
    end: 'completed',
  },
  {
    slug: 'eproduct-payment-reminder',
    file: 'events-paid-early.json',
    story: 'paid after two hours: licence at once, no reminder',
    path: ['trigger', 'is_ebook', 'wait_paid', 'assign_licence', 'email_licence'],
    actions: [
      { nodeId: 'assign_licence', atSeconds: 2 * HOUR, status: 'done', shows: ['EBK-7Q4M-22XD'] },
      { nodeId: 'email_licence', channel: 'email', atSeconds: 2 * HOUR, status: 'sent', shows: ['order 2025-5001', 'EBK-7Q4M-22XD'] },
    ],
    end: 'completed',
  },
  {
    slug: 'eproduct-payment-reminder',
    file: 'events-unpaid.json',
    story: 'never paid: reminder, then cancellation email and webhook after three days',
    path: ['trigger', 'is_ebook', 'wait_paid', 'sms_reminder', 'wait_paid_again', 'email_cancelled', 'webhook_cancel'],
    actions: [
      { nodeId: 'sms_reminder', channel: 'sms', atSeconds: DAY, status: 'sent', shows: ['2025-5001'] },
      {
        nodeId: 'email_cancelled',
        channel: 'email',
        atSeconds: 3 * DAY,
        status: 'sent',
        shows: ['Order 2025-5001 has been cancelled', 'Hi Jana, we did not receive the payment for order 2025-5001 (349 CZK)'],
      },
      {
        nodeId: 'webhook_cancel',
        channel: 'webhook',
        atSeconds: 3 * DAY,
        status: 'done',
        shows: ['POST https://shop.example.com/api/orders/ord-5001/cancel', '{"orderId": "ord-5001", "orderNumber": "2025-5001", "status": "cancelled", "reason": "unpaid"}'],
      },
    ],
    end: 'completed',
  },
  {
    slug: 'eproduct-payment-reminder',
    file: 'events-unpaid.json',
    story: 'the shop rejects the cancellation: staff are told',
    tweak: (s) => {
      s.webhookStatus = { webhook_cancel: 500 };
    },
    path: ['trigger', 'is_ebook', 'wait_paid', 'sms_reminder', 'wait_paid_again', 'email_cancelled', 'webhook_cancel', 'notify_cancel_failed'],
    actions: [
      { nodeId: 'sms_reminder', channel: 'sms', atSeconds: DAY, status: 'sent', shows: [] },
      { nodeId: 'email_cancelled', channel: 'email', atSeconds: 3 * DAY, status: 'sent', shows: [] },
      { nodeId: 'webhook_cancel', channel: 'webhook', atSeconds: 3 * DAY, status: 'failed', shows: ['ord-5001'] },
      {
        nodeId: 'notify_cancel_failed',
        channel: 'internal',
        atSeconds: 3 * DAY,
        status: 'sent',
        shows: ['orders@example.com', 'Please cancel order 2025-5001 by hand', 'jana.novakova@example.com'],
      },
    ],
    end: 'completed',
  },
  {
    slug: 'eproduct-payment-reminder',
    file: 'events-paid-early.json',
    story: 'no licence codes left: staff are told',
    tweak: (s) => {
      s.codePools = { ebook_licence: [] };
    },
    path: ['trigger', 'is_ebook', 'wait_paid', 'assign_licence', 'notify_pool_empty'],
    actions: [
      { nodeId: 'assign_licence', atSeconds: 2 * HOUR, status: 'skipped', shows: [] },
      {
        nodeId: 'notify_pool_empty',
        channel: 'internal',
        atSeconds: 2 * HOUR,
        status: 'sent',
        shows: ['No e-book licence codes left (order 2025-5001)', 'Order 2025-5001 from jana.novakova@example.com is paid'],
      },
    ],
    end: 'completed',
  },
  {
    slug: 'eproduct-payment-reminder',
    file: 'events-unpaid.json',
    story: 'the shop cancels the order itself: the run stops',
    tweak: (s) => {
      const order = s.events?.[0]?.order;
      s.events = [...(s.events ?? []), { atSeconds: 5 * HOUR, type: 'order.cancelled', ...(order ? { order } : {}) }];
    },
    path: ['trigger', 'is_ebook', 'wait_paid'],
    actions: [],
    end: 'goal',
  },
  {
    slug: 'eproduct-payment-reminder',
    file: 'events-unpaid.json',
    story: 'an order of paper books is not an e-product order',
    tweak: (s) => {
      const first = s.events?.[0];
      if (first?.order) first.order.items = [{ sku: 'BOOK-SOURDOUGH', name: 'Sourdough at Home (hardback)', category: 'book', price: 649, quantity: 1 }];
    },
    path: ['trigger', 'is_ebook'],
    actions: [],
    end: 'completed',
  },
  {
    slug: 'eproduct-payment-reminder',
    file: 'events.json',
    story: 'ordered late in the evening: the SMS waits for 08:00, the licence email does not',
    tweak: (s) => {
      // 21:30 in Prague; the reminder falls due at 21:30 the next day, outside the 08:00-20:00 window.
      s.now = '2025-03-10T20:30:00Z';
      const paid = s.events?.[1];
      // Wednesday 22:00 in Prague.
      if (paid) paid.atSeconds = 48 * HOUR + 30 * 60;
    },
    path: ['trigger', 'is_ebook', 'wait_paid', 'sms_reminder', 'wait_paid_again', 'assign_licence', 'email_licence'],
    actions: [
      // Wednesday 08:00 in Prague.
      { nodeId: 'sms_reminder', channel: 'sms', atSeconds: 34 * HOUR + 30 * 60, status: 'sent', shows: ['2025-5001'] },
      { nodeId: 'assign_licence', atSeconds: 48 * HOUR + 30 * 60, status: 'done', shows: ['EBK-7Q4M-22XD'] },
      { nodeId: 'email_licence', channel: 'email', atSeconds: 48 * HOUR + 30 * 60, status: 'sent', shows: ['EBK-7Q4M-22XD'] },
    ],
    end: 'completed',
  },

  // abandoned-cart ---------------------------------------------------------------------
  {
    slug: 'abandoned-cart',
    file: 'events.json',
    story: 'no order: email after an hour, SMS a day later',
    path: ['trigger', 'wait_1h', 'email_cart', 'wait_23h', 'sms_cart'],
    actions: [
      {
        nodeId: 'email_cart',
        channel: 'email',
        atSeconds: HOUR,
        status: 'sent',
        shows: ['petr.svoboda@example.com', 'Petr, you left something in your cart', 'Blue enamel mug 2 290 CZK', 'Sencha green tea 100 g 1 185 CZK', 'Total: 765 CZK', 'Unsubscribe'],
      },
      { nodeId: 'sms_cart', channel: 'sms', atSeconds: DAY, status: 'sent', shows: ['Hi Petr, your cart at Example Shop (765 CZK)', 'https://shop.example.com/cart/cart-881'] },
    ],
    end: 'completed',
  },
  {
    slug: 'abandoned-cart',
    file: 'events-ordered.json',
    story: 'ordered after 30 minutes: goal, nothing sent',
    path: ['trigger', 'wait_1h'],
    actions: [],
    end: 'goal',
  },
  {
    slug: 'abandoned-cart',
    file: 'events.json',
    story: 'the cart is emptied after the email: goal, no SMS',
    tweak: (s) => {
      s.events = [...(s.events ?? []), { atSeconds: 5 * HOUR, type: 'cart.updated', cart: { id: 'cart-881', items: [], total: 0, currency: 'CZK' } }];
    },
    path: ['trigger', 'wait_1h', 'email_cart', 'wait_23h'],
    actions: [{ nodeId: 'email_cart', channel: 'email', atSeconds: HOUR, status: 'sent', shows: ['Petr'] }],
    end: 'goal',
  },
  {
    slug: 'abandoned-cart',
    file: 'events.json',
    story: 'the cart changes but is not emptied: the flow goes on',
    tweak: (s) => {
      const cart = s.events?.[0]?.cart;
      s.events = [...(s.events ?? []), { atSeconds: 5 * HOUR, type: 'cart.updated', ...(cart ? { cart } : {}) }];
    },
    path: ['trigger', 'wait_1h', 'email_cart', 'wait_23h', 'sms_cart'],
    actions: [
      { nodeId: 'email_cart', channel: 'email', atSeconds: HOUR, status: 'sent', shows: [] },
      { nodeId: 'sms_cart', channel: 'sms', atSeconds: DAY, status: 'sent', shows: [] },
    ],
    end: 'completed',
  },

  // browse-abandonment -----------------------------------------------------------------
  {
    slug: 'browse-abandonment',
    file: 'events.json',
    story: 'no purchase: emails after 1, 3 and 5 days',
    path: ['trigger', 'wait_day1', 'email_day1', 'wait_day3', 'email_day3', 'wait_day5', 'email_day5'],
    actions: [
      { nodeId: 'email_day1', channel: 'email', atSeconds: DAY, status: 'sent', shows: ['Still thinking about the Arc floor lamp?', 'Hi Eva', 'Arc floor lamp · 2490 CZK', 'Unsubscribe'] },
      { nodeId: 'email_day3', channel: 'email', atSeconds: 3 * DAY, status: 'sent', shows: ['Eva, the Arc floor lamp is waiting'] },
      { nodeId: 'email_day5', channel: 'email', atSeconds: 5 * DAY, status: 'sent', shows: ['Last reminder: Arc floor lamp', 'Browse similar products'] },
    ],
    end: 'completed',
  },
  {
    slug: 'browse-abandonment',
    file: 'events-added-to-cart.json',
    story: 'added to the cart on day 2: goal after the first email',
    path: ['trigger', 'wait_day1', 'email_day1', 'wait_day3'],
    actions: [{ nodeId: 'email_day1', channel: 'email', atSeconds: DAY, status: 'sent', shows: ['Arc floor lamp'] }],
    end: 'goal',
  },

  // search-abandonment -----------------------------------------------------------------
  {
    slug: 'search-abandonment',
    file: 'events.json',
    story: 'nothing added to the cart: email with the search after two hours',
    path: ['trigger', 'wait_2h', 'email_search'],
    actions: [{ nodeId: 'email_search', channel: 'email', atSeconds: 2 * HOUR, status: 'sent', shows: ['Still looking for “linen dress”?', 'Hi Adéla, you were searching for linen dress'] }],
    end: 'completed',
  },
  {
    slug: 'search-abandonment',
    file: 'events-added-to-cart.json',
    story: 'added to the cart: goal, nothing sent',
    path: ['trigger', 'wait_2h'],
    actions: [],
    end: 'goal',
  },
  {
    slug: 'search-abandonment',
    file: 'events.json',
    story: 'a search event without a query does not start the flow',
    tweak: (s) => {
      const first = s.events?.[0];
      if (first) delete first.data;
    },
    path: [],
    actions: [],
    end: 'notStarted',
  },

  // welcome-series ---------------------------------------------------------------------
  {
    slug: 'welcome-series',
    file: 'events.json',
    story: 'no purchase in three days: code reminder',
    path: ['trigger', 'assign_welcome', 'email_welcome', 'wait_3d', 'has_purchased', 'email_reminder'],
    actions: [
      { nodeId: 'assign_welcome', atSeconds: 0, status: 'done', shows: ['WELCOME-4F7K'] },
      { nodeId: 'email_welcome', channel: 'email', atSeconds: 0, status: 'sent', shows: ['Welcome, Lucie! Here is 10 % off', 'WELCOME-4F7K', 'Unsubscribe'] },
      { nodeId: 'email_reminder', channel: 'email', atSeconds: 3 * DAY, status: 'sent', shows: ['Your welcome code WELCOME-4F7K is still waiting', 'Hi Lucie'] },
    ],
    end: 'completed',
  },
  {
    slug: 'welcome-series',
    file: 'events-bought.json',
    story: 'bought on day 1: no reminder',
    path: ['trigger', 'assign_welcome', 'email_welcome', 'wait_3d', 'has_purchased'],
    actions: [
      { nodeId: 'assign_welcome', atSeconds: 0, status: 'done', shows: ['WELCOME-4F7K'] },
      { nodeId: 'email_welcome', channel: 'email', atSeconds: 0, status: 'sent', shows: ['WELCOME-4F7K'] },
    ],
    end: 'completed',
  },
  {
    slug: 'welcome-series',
    file: 'events.json',
    story: 'no welcome codes left: the marketing team is told',
    tweak: (s) => {
      s.codePools = { welcome: [] };
    },
    path: ['trigger', 'assign_welcome', 'notify_pool_empty'],
    actions: [
      { nodeId: 'assign_welcome', atSeconds: 0, status: 'skipped', shows: [] },
      {
        nodeId: 'notify_pool_empty',
        channel: 'internal',
        atSeconds: 0,
        status: 'sent',
        shows: ['marketing@example.com', 'No codes left in pool "welcome" (Welcome series with a first-order code)', 'lucie.cerna@example.com did not get a code'],
      },
    ],
    end: 'completed',
  },

  // post-purchase-cross-sell -----------------------------------------------------------
  {
    slug: 'post-purchase-cross-sell',
    file: 'events.json',
    story: 'coffee order: grinder recommendations a week later',
    path: ['trigger', 'wait_7d', 'has_coffee', 'email_grinders'],
    actions: [
      {
        nodeId: 'email_grinders',
        channel: 'email',
        atSeconds: 7 * DAY,
        status: 'sent',
        shows: ['Tomáš, get more out of your coffee', 'how is the coffee from order 2025-8001?', 'Ethiopia Yirgacheffe beans 250 g 2 320 CZK'],
      },
    ],
    end: 'completed',
  },
  {
    slug: 'post-purchase-cross-sell',
    file: 'events-no-coffee.json',
    story: 'no coffee: the general follow-up',
    path: ['trigger', 'wait_7d', 'has_coffee', 'email_generic'],
    actions: [
      { nodeId: 'email_generic', channel: 'email', atSeconds: 7 * DAY, status: 'sent', shows: ['Thank you for order 2025-8002, Tomáš', 'Sencha green tea 100 g 2 185 CZK'], hides: ['grinder'] },
    ],
    end: 'completed',
  },

  // review-request ---------------------------------------------------------------------
  {
    slug: 'review-request',
    file: 'events.json',
    story: 'two days after delivery at 10:00; no click: SMS three days later',
    path: ['trigger', 'email_review', 'wait_3d', 'clicked', 'sms_review'],
    actions: [
      // Delivery planned for Tuesday 11 March; Thursday 13 March, 10:00 in Prague.
      {
        nodeId: 'email_review',
        channel: 'email',
        atSeconds: 3 * DAY + HOUR,
        status: 'sent',
        shows: ['How do you like your order 2025-9801?', 'Hi Zuzana', 'Linen tote bag Write a review Merino wool scarf Write a review'],
      },
      { nodeId: 'sms_review', channel: 'sms', atSeconds: 6 * DAY + HOUR, status: 'sent', shows: ['Hi Zuzana, how do you like your order 2025-9801?', 'https://shop.example.com/account/orders/ord-9801/review'] },
    ],
    end: 'completed',
  },
  {
    slug: 'review-request',
    file: 'events-clicked.json',
    story: 'clicked a review link: no SMS',
    path: ['trigger', 'email_review', 'wait_3d', 'clicked'],
    actions: [{ nodeId: 'email_review', channel: 'email', atSeconds: 3 * DAY + HOUR, status: 'sent', shows: ['2025-9801'] }],
    end: 'completed',
  },

  // replenishment-reminder -------------------------------------------------------------
  {
    slug: 'replenishment-reminder',
    file: 'events.json',
    story: 'not reordered: email and SMS after 25 days',
    path: ['trigger', 'has_supply', 'wait_25d', 'bought_again', 'email_refill', 'sms_refill'],
    actions: [
      {
        nodeId: 'email_refill',
        channel: 'email',
        atSeconds: 25 * DAY,
        status: 'sent',
        shows: ['Martin, your vitamin D3 is about to run out', 'the 30-day pack from order 2025-9001', 'Vitamin D3, 30 capsules 259 CZK'],
        hides: ['Omega-3'],
      },
      { nodeId: 'sms_refill', channel: 'sms', atSeconds: 25 * DAY, status: 'sent', shows: ['+420776444888', 'Hi Martin', 'https://shop.example.com/p/vitd3-30'] },
    ],
    end: 'completed',
  },
  {
    slug: 'replenishment-reminder',
    file: 'events-reordered.json',
    story: 'reordered on day 20: nothing sent',
    path: ['trigger', 'has_supply', 'wait_25d', 'bought_again'],
    actions: [],
    end: 'completed',
  },
  {
    slug: 'replenishment-reminder',
    file: 'events.json',
    story: 'an order without the 30-day pack: nothing to replenish',
    tweak: (s) => {
      const first = s.events?.[0];
      if (first?.order) first.order.items = [{ sku: 'OMEGA3-60', name: 'Omega-3, 60 capsules', category: 'supplements', price: 389, quantity: 1 }];
    },
    path: ['trigger', 'has_supply'],
    actions: [],
    end: 'completed',
  },

  // win-back-90-days -------------------------------------------------------------------
  {
    slug: 'win-back-90-days',
    file: 'events.json',
    story: '90 days without an order: code email, then tagged lapsed after 14 days',
    path: ['trigger', 'assign_winback', 'email_winback', 'wait_order', 'tag_lapsed'],
    actions: [
      { nodeId: 'assign_winback', atSeconds: DAY, status: 'done', shows: ['COMEBACK-83HQ'] },
      { nodeId: 'email_winback', channel: 'email', atSeconds: DAY, status: 'sent', shows: ['We miss you, Hana: 15 % off your next order', 'COMEBACK-83HQ'] },
      { nodeId: 'tag_lapsed', atSeconds: 15 * DAY, status: 'done', shows: ['lapsed'] },
    ],
    end: 'completed',
  },
  {
    slug: 'win-back-90-days',
    file: 'events-came-back.json',
    story: 'ordered four days after the email: not tagged',
    path: ['trigger', 'assign_winback', 'email_winback', 'wait_order'],
    actions: [
      { nodeId: 'assign_winback', atSeconds: DAY, status: 'done', shows: ['COMEBACK-83HQ'] },
      { nodeId: 'email_winback', channel: 'email', atSeconds: DAY, status: 'sent', shows: ['COMEBACK-83HQ'] },
    ],
    end: 'completed',
  },
  {
    slug: 'win-back-90-days',
    file: 'events.json',
    story: 'ordered recently: the flow does not start',
    tweak: (s) => {
      s.contact.lastOrderAt = '2025-02-20T10:00:00Z';
    },
    path: [],
    actions: [],
    end: 'notStarted',
  },

  // birthday-coupon --------------------------------------------------------------------
  {
    slug: 'birthday-coupon',
    file: 'events.json',
    story: 'three days before the birthday at 09:00: code by email and SMS',
    path: ['trigger', 'assign_birthday', 'email_birthday', 'has_phone', 'sms_birthday'],
    actions: [
      // Birthday on 14 March: Tuesday 11 March, 09:00 in Prague.
      { nodeId: 'assign_birthday', atSeconds: DAY, status: 'done', shows: ['BDAY-5TR8'] },
      { nodeId: 'email_birthday', channel: 'email', atSeconds: DAY, status: 'sent', shows: ['Happy birthday soon, Karel! A gift inside', 'BDAY-5TR8'] },
      { nodeId: 'sms_birthday', channel: 'sms', atSeconds: DAY, status: 'sent', shows: ['+420603987654', 'Happy birthday soon, Karel! Your 20% gift code from Example Shop: BDAY-5TR8'] },
    ],
    end: 'completed',
  },
  {
    slug: 'birthday-coupon',
    file: 'events-no-phone.json',
    story: 'no phone number: email only',
    path: ['trigger', 'assign_birthday', 'email_birthday', 'has_phone'],
    actions: [
      { nodeId: 'assign_birthday', atSeconds: DAY, status: 'done', shows: ['BDAY-5TR8'] },
      { nodeId: 'email_birthday', channel: 'email', atSeconds: DAY, status: 'sent', shows: ['Karel', 'BDAY-5TR8'] },
    ],
    end: 'completed',
  },

  // vip-after-5th-order ----------------------------------------------------------------
  {
    slug: 'vip-after-5th-order',
    file: 'events.json',
    story: 'the 5th order: tagged VIP, sales told, thank-you email',
    path: ['trigger', 'is_new_vip', 'tag_vip', 'notify_sales', 'email_vip'],
    actions: [
      { nodeId: 'tag_vip', atSeconds: 0, status: 'done', shows: ['newsletter, vip'] },
      {
        nodeId: 'notify_sales',
        channel: 'internal',
        atSeconds: 0,
        status: 'sent',
        shows: ['sales@example.com', 'New VIP customer: Ondřej Marek', 'just placed order 2025-9901 for 640 CZK: 5 orders so far'],
      },
      { nodeId: 'email_vip', channel: 'email', atSeconds: 0, status: 'sent', shows: ['Thank you, Ondřej: welcome to our VIP club', 'Order 2025-9901 is your 5th with us'] },
    ],
    end: 'completed',
  },
  {
    slug: 'vip-after-5th-order',
    file: 'events-already-vip.json',
    story: 'already VIP: nothing happens',
    path: ['trigger', 'is_new_vip'],
    actions: [],
    end: 'completed',
  },
  {
    slug: 'vip-after-5th-order',
    file: 'events.json',
    story: 'the 3rd order: not VIP yet',
    tweak: (s) => {
      s.contact.orderCount = 2;
    },
    path: ['trigger', 'is_new_vip'],
    actions: [],
    end: 'completed',
  },
];

describe('template index', () => {
  it('lists every template folder once, and nothing else', () => {
    expect(templates.map((t) => t.slug).sort()).toEqual([...folders].sort());
    expect(new Set(templates.map((t) => t.slug)).size).toBe(templates.length);
  });

  it('gives every template a name, a description and a known category', () => {
    for (const t of templates) {
      expect(t.name.length, t.slug).toBeGreaterThan(5);
      expect(t.description.length, t.slug).toBeGreaterThan(40);
      expect(templateCategories, t.slug).toContain(t.category);
    }
  });

  it('offers at least ten templates', () => {
    expect(templates.length).toBeGreaterThanOrEqual(10);
  });

  it('tests every events file of every template', () => {
    const files = folders.flatMap((slug) => readdirSync(`${here}/${slug}`).filter((f) => /^events(-[a-z0-9-]+)?\.json$/.test(f)).map((f) => `${slug}/${f}`));
    const tested = new Set(cases.map((c) => `${c.slug}/${c.file}`));
    // The split test's sample scenario is covered by its own test below.
    tested.add('split-test-subject/events.json');
    expect([...tested].sort()).toEqual(files.sort());
  });

  it('pairs each slug with its own folder’s flow.json and events.json', () => {
    for (const t of templates) {
      expect(t.graph, t.slug).toEqual(flowGraphSchema.parse(JSON.parse(readFileSync(`${here}/${t.slug}/flow.json`, 'utf8'))));
      expect(t.scenario, t.slug).toEqual(scenarioSchema.parse(readScenario(t.slug, 'events.json')));
    }
  });
});

describe.each(templates.map((t) => [t.slug, t] as const))('%s', (slug, t) => {
  it('passes validation with no errors and no warnings', () => {
    const result = validate(JSON.parse(readFileSync(`${here}/${slug}/flow.json`, 'utf8')));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('lays nodes out on the canvas without overlaps', () => {
    const spots = t.graph.nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it('gives sample contacts consent, an E.164 phone and the Prague time zone', () => {
    for (const file of readdirSync(`${here}/${slug}`).filter((f) => f.startsWith('events'))) {
      const { contact } = readScenario(slug, file);
      expect(contact.consent, file).toEqual({ email: true, sms: true });
      expect(contact.timezone, file).toBe('Europe/Prague');
      if (contact.phone !== undefined) expect(contact.phone, file).toMatch(/^\+[1-9]\d{7,14}$/);
    }
  });
});

describe.each(cases.map((c) => [`${c.slug}: ${c.story}`, c] as const))('%s', (_title, c) => {
  const result = simulate(templateOf(c.slug).graph, scenarioFor(c));

  it('takes the expected path and ends as expected', () => {
    expect(pathOf(result)).toEqual(c.path);
    expect(result.end.reason).toBe(c.end);
  });

  it('performs the expected actions at the expected times', () => {
    expect(result.actions.map((a) => ({ nodeId: a.nodeId, channel: a.channel, atSeconds: a.atSeconds, status: a.status }))).toEqual(
      c.actions.map((a) => ({ nodeId: a.nodeId, channel: a.channel, atSeconds: a.atSeconds, status: a.status })),
    );
  });

  it('renders the messages with the scenario’s data', () => {
    result.actions.forEach((action, i) => {
      const text = [action.to, action.subject, action.body].filter(Boolean).join(' | ');
      for (const fragment of c.actions[i]?.shows ?? []) expect(text, action.nodeId).toContain(fragment);
      for (const fragment of c.actions[i]?.hides ?? []) expect(text, action.nodeId).not.toContain(fragment);
    });
  });
});

describe('split-test-subject', () => {
  const t = templateOf('split-test-subject');
  const runs = Array.from({ length: 40 }, (_, i) => simulate(t.graph, t.scenario, { seed: `contact-${i}` }));
  const subjects = { email_a: 'Welcome to Example Shop, Filip', email_b: 'Filip, your account is ready' };

  it('sends one of the two emails, with its own subject, right after registration', () => {
    for (const run of runs) {
      const sent = run.actions.map((a) => a.nodeId);
      expect(['email_a', 'email_b']).toContain(sent[0]);
      const nodeId = sent[0] as keyof typeof subjects;
      expect(pathOf(run)).toEqual(['trigger', 'split', nodeId]);
      expect(run.actions).toEqual([expect.objectContaining({ nodeId, channel: 'email', atSeconds: 0, status: 'sent', subject: subjects[nodeId] })]);
      expect(run.end.reason).toBe('completed');
    }
  });

  it('uses both subjects across contacts', () => {
    const used = new Set(runs.map((run) => run.actions[0]?.nodeId));
    expect([...used].sort()).toEqual(['email_a', 'email_b']);
  });
});
