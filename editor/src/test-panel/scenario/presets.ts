import type { ScenarioInput } from '@nudgeflow/shared';
// The scenario library's own sample contacts and orders (shared/templates), so the presets and
// the CLI's examples tell the same stories.
import abandonedCart from '../../../../shared/templates/abandoned-cart/events.json';
import birthday from '../../../../shared/templates/birthday-coupon/events.json';
import ebookOrder from '../../../../shared/templates/eproduct-payment-reminder/events.json';
import unpaidOrder from '../../../../shared/templates/eproduct-payment-reminder/events-unpaid.json';
import coffeeOrder from '../../../../shared/templates/post-purchase-cross-sell/events.json';
import vipOrder from '../../../../shared/templates/vip-after-5th-order/events.json';

export interface ScenarioPreset {
  id: string;
  label: string;
  /** What happens in it, one line under the select. */
  description: string;
  document: ScenarioInput;
}

/** The coffee order paid by card at checkout: the shop reports it created and paid at once. */
function paidCardOrder(): ScenarioInput {
  const [created] = coffeeOrder.events;
  if (!created) throw new Error('shared/templates/post-purchase-cross-sell/events.json has no order');
  const order = { ...created.order, paymentMethod: 'card', paymentStatus: 'paid' };
  return { ...coffeeOrder, events: [{ ...created, order }, { atSeconds: 0, type: 'order.paid', order }] };
}

export const scenarioPresets: ScenarioPreset[] = [
  { id: 'paid-card', label: 'Paid card order', description: 'Coffee beans paid by card at checkout (created and paid at once).', document: paidCardOrder() },
  { id: 'unpaid-transfer', label: 'Unpaid bank-transfer order', description: 'An e-book ordered for bank transfer and never paid.', document: unpaidOrder },
  { id: 'ebook', label: 'E-book order', description: 'An e-book ordered for bank transfer, paid after 28 hours.', document: ebookOrder },
  { id: 'abandoned-cart', label: 'Abandoned cart', description: 'Two items left in the cart, no order follows.', document: abandonedCart },
  { id: 'vip-5th', label: 'VIP 5th order', description: 'A customer with four orders places the fifth.', document: vipOrder },
  { id: 'birthday', label: 'Birthday contact', description: 'A contact whose birthday is in four days; no events.', document: birthday },
];

export const DEFAULT_PRESET_ID = 'unpaid-transfer';

export function findPreset(id: string): ScenarioPreset | undefined {
  return scenarioPresets.find((p) => p.id === id);
}
