import { z } from 'zod';
import type { OrderItem } from '../../data/order';
import { defineNode, YES_NO } from '../types';

const attributeSchema = () =>
  z.object({
    name: z.string().min(1, 'name the attribute').meta({ title: 'Attribute', examples: ['color', 'size', 'preorder'] }),
    value: z
      .union([z.string(), z.number(), z.boolean()])
      .optional()
      .meta({ title: 'Value', description: 'Leave empty to match any value' }),
  });
type Attribute = z.infer<ReturnType<typeof attributeSchema>>;

/** Loose, the way a marketer means it: "Red" equals "red", 5 equals "5". */
function sameValue(actual: unknown, expected: string | number | boolean): boolean {
  if (Array.isArray(actual)) return actual.some((v) => sameValue(v, expected));
  if (typeof actual === 'string' && typeof expected === 'string') return actual.toLowerCase() === expected.toLowerCase();
  if (typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean') return String(actual) === String(expected);
  return false;
}

function hasAttribute(item: OrderItem, attr: Attribute): boolean {
  const actual = item.attributes?.[attr.name];
  if (actual === undefined || actual === null) return false;
  return attr.value === undefined || sameValue(actual, attr.value);
}

function listSummary(c: { skus: string[]; categories: string[]; attributes: Attribute[] }): string {
  const parts = [
    ...c.skus.map((s) => `SKU ${s}`),
    ...c.categories.map((cat) => `category ${cat}`),
    ...c.attributes.map((a) => (a.value === undefined ? a.name : `${a.name} = ${String(a.value)}`)),
  ];
  if (parts.length === 0) return 'nothing yet';
  return parts.length > 3 ? `${parts.slice(0, 3).join(', ')} +${parts.length - 3} more` : parts.join(', ');
}

export const conditionOrderContains = defineNode({
  type: 'condition.orderContains',
  title: 'Order contains',
  description: 'Branches on what is in the order or cart: particular products, categories or product attributes.',
  category: 'condition',
  icon: 'shopping-bag',
  color: '#0891b2',
  version: 1,
  configSchema: () => z.object({
    source: z
      .enum(['order', 'cart'])
      .default('order')
      .meta({ title: 'Look in', enumLabels: { order: 'the order', cart: 'the cart' } }),
    match: z
      .enum(['any', 'all'])
      .default('any')
      .meta({ title: 'Match', enumLabels: { any: 'any of these', all: 'all of these' } }),
    skus: z.array(z.string().min(1)).default([]).meta({ title: 'SKUs', description: 'Product codes, exactly as the shop sends them' }),
    categories: z.array(z.string().min(1)).default([]).meta({ title: 'Categories', description: 'Upper or lower case does not matter' }),
    attributes: z.array(attributeSchema()).default([]).meta({ title: 'Product attributes', description: 'e.g. color = red, or preorder with any value' }),
  }),
  defaults: { source: 'order', match: 'any', skus: [], categories: [], attributes: [] },
  outputs: () => YES_NO,
  summary: (c) => `If ${c.source} contains ${c.match === 'any' ? 'any' : 'all'} of: ${listSummary(c)}`,
  check: (c) =>
    c.skus.length + c.categories.length + c.attributes.length === 0
      ? [{ field: '', message: 'list at least one SKU, category or attribute to look for' }]
      : [],
  behavior: {
    kind: 'branch',
    choose: (c, ctx) => {
      const items = (c.source === 'cart' ? ctx.cart?.items : ctx.order?.items) ?? [];
      const tests: ((item: OrderItem) => boolean)[] = [
        ...c.skus.map((sku) => (item: OrderItem) => item.sku === sku),
        ...c.categories.map((cat) => (item: OrderItem) => item.category?.toLowerCase() === cat.toLowerCase()),
        ...c.attributes.map((attr) => (item: OrderItem) => hasAttribute(item, attr)),
      ];
      if (tests.length === 0) return 'no';
      const present = (test: (item: OrderItem) => boolean) => items.some(test);
      return (c.match === 'any' ? tests.some(present) : tests.every(present)) ? 'yes' : 'no';
    },
  },
});
