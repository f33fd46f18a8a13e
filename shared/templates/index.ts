import { flowGraphSchema, type FlowGraph } from '../src/graph/schema';
import { scenarioSchema, type Scenario } from '../src/simulator/scenario';
import abandonedCartEvents from './abandoned-cart/events.json';
import abandonedCartFlow from './abandoned-cart/flow.json';
import birthdayCouponEvents from './birthday-coupon/events.json';
import birthdayCouponFlow from './birthday-coupon/flow.json';
import browseAbandonmentEvents from './browse-abandonment/events.json';
import browseAbandonmentFlow from './browse-abandonment/flow.json';
import eproductPaymentReminderEvents from './eproduct-payment-reminder/events.json';
import eproductPaymentReminderFlow from './eproduct-payment-reminder/flow.json';
import postPurchaseCrossSellEvents from './post-purchase-cross-sell/events.json';
import postPurchaseCrossSellFlow from './post-purchase-cross-sell/flow.json';
import replenishmentReminderEvents from './replenishment-reminder/events.json';
import replenishmentReminderFlow from './replenishment-reminder/flow.json';
import reviewRequestEvents from './review-request/events.json';
import reviewRequestFlow from './review-request/flow.json';
import searchAbandonmentEvents from './search-abandonment/events.json';
import searchAbandonmentFlow from './search-abandonment/flow.json';
import splitTestSubjectEvents from './split-test-subject/events.json';
import splitTestSubjectFlow from './split-test-subject/flow.json';
import vipAfter5thOrderEvents from './vip-after-5th-order/events.json';
import vipAfter5thOrderFlow from './vip-after-5th-order/flow.json';
import welcomeSeriesEvents from './welcome-series/events.json';
import welcomeSeriesFlow from './welcome-series/flow.json';
import winBack90DaysEvents from './win-back-90-days/events.json';
import winBack90DaysFlow from './win-back-90-days/flow.json';

export const templateCategories = [
  'Orders & payments',
  'Cart & browsing',
  'Onboarding',
  'After purchase',
  'Reactivation',
  'Lifecycle',
  'Loyalty',
] as const;
export type TemplateCategory = (typeof templateCategories)[number];

/** A ready flow to start from, with a sample contact whose story walks its most interesting path. */
export interface FlowTemplate {
  /** The folder name under shared/templates/. */
  slug: string;
  name: string;
  description: string;
  category: TemplateCategory;
  graph: FlowGraph;
  scenario: Scenario;
}

/**
 * Name and description live in flow.json only, so the editor's template picker and a flow
 * created from it never disagree. Parsing here fails loudly if a template file is broken.
 */
function template(slug: string, category: TemplateCategory, flow: unknown, events: unknown): FlowTemplate {
  const graph = flowGraphSchema.parse(flow);
  return { slug, name: graph.name, description: graph.description ?? '', category, graph, scenario: scenarioSchema.parse(events) };
}

/** In the order the editor shows them: the most requested flows first. */
export const templates: FlowTemplate[] = [
  template('abandoned-cart', 'Cart & browsing', abandonedCartFlow, abandonedCartEvents),
  template('welcome-series', 'Onboarding', welcomeSeriesFlow, welcomeSeriesEvents),
  template('eproduct-payment-reminder', 'Orders & payments', eproductPaymentReminderFlow, eproductPaymentReminderEvents),
  template('browse-abandonment', 'Cart & browsing', browseAbandonmentFlow, browseAbandonmentEvents),
  template('search-abandonment', 'Cart & browsing', searchAbandonmentFlow, searchAbandonmentEvents),
  template('post-purchase-cross-sell', 'After purchase', postPurchaseCrossSellFlow, postPurchaseCrossSellEvents),
  template('review-request', 'After purchase', reviewRequestFlow, reviewRequestEvents),
  template('replenishment-reminder', 'After purchase', replenishmentReminderFlow, replenishmentReminderEvents),
  template('win-back-90-days', 'Reactivation', winBack90DaysFlow, winBack90DaysEvents),
  template('birthday-coupon', 'Lifecycle', birthdayCouponFlow, birthdayCouponEvents),
  template('vip-after-5th-order', 'Loyalty', vipAfter5thOrderFlow, vipAfter5thOrderEvents),
  template('split-test-subject', 'Onboarding', splitTestSubjectFlow, splitTestSubjectEvents),
];

export function findTemplate(slug: string): FlowTemplate | undefined {
  return templates.find((t) => t.slug === slug);
}
