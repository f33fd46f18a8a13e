import { z } from 'zod';
import { defineNode, YES_NO } from '../types';

export const conditionHasPurchased = defineNode({
  type: 'condition.hasPurchased',
  title: 'Has purchased',
  description: 'Branches on the contact’s order history: bought a product or category before, ever or within some days.',
  category: 'condition',
  icon: 'receipt',
  color: '#0891b2',
  version: 1,
  configSchema: () => z.object({
    skus: z.array(z.string().min(1)).default([]).meta({ title: 'SKUs', description: 'Leave both lists empty for any purchase' }),
    categories: z.array(z.string().min(1)).default([]).meta({ title: 'Categories' }),
    withinDays: z.number().int().min(1).optional().meta({ title: 'Within the last days', description: 'Leave empty for ever' }),
  }),
  defaults: { skus: [], categories: [] },
  outputs: () => YES_NO,
  summary: (c) => {
    const what = [...c.skus.map((s) => `SKU ${s}`), ...c.categories.map((cat) => `category ${cat}`)];
    const shown = what.length === 0 ? 'anything' : what.length > 3 ? `${what.slice(0, 3).join(', ')} +${what.length - 3} more` : what.join(' or ');
    const within = c.withinDays === undefined ? '' : ` in the last ${c.withinDays} ${c.withinDays === 1 ? 'day' : 'days'}`;
    return `If bought ${shown}${within}`;
  },
  behavior: {
    kind: 'lookup',
    query: (c, ctx) => ({
      type: 'hasPurchased',
      skus: c.skus,
      categories: c.categories,
      ...(c.withinDays === undefined ? {} : { withinDays: c.withinDays }),
      ...(ctx.order ? { excludeOrderId: ctx.order.id } : {}),
    }),
    choose: (_c, answer) => (answer.matched ? 'yes' : 'no'),
  },
});
