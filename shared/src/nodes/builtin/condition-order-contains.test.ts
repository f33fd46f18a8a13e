import { describe, expect, it } from 'vitest';
import type { Cart, Order, OrderItem } from '../../data/order';
import type { RunContext } from '../context';
import { conditionOrderContains } from './condition-order-contains';

if (conditionOrderContains.behavior.kind !== 'branch') throw new Error('condition.orderContains must branch');
const { choose } = conditionOrderContains.behavior;

const items: OrderItem[] = [
  { sku: 'TS-1', category: 'Shirts', quantity: 1, attributes: { color: 'Red', size: 42 } },
  { sku: 'MUG', category: 'Kitchen', quantity: 2 },
];
const ctx = (data: { order?: Order; cart?: Cart } = { order: { id: 'o1', items } }): RunContext => ({
  flow: { id: 'f1', name: 'Flow' },
  runId: 'r1',
  contact: { id: 'c1', tags: [] },
  codes: {},
  ...data,
});
const decide = (config: object, context = ctx()) => choose(conditionOrderContains.configSchema.parse(config), context, 0);

describe('condition.orderContains, match any', () => {
  it('says yes when one listed SKU is in the order', () => {
    expect(decide({ skus: ['X-9', 'MUG'] })).toBe('yes');
    expect(decide({ skus: ['X-9', 'mug'] })).toBe('no');
  });

  it('matches categories whatever their case', () => {
    expect(decide({ categories: ['shirts'] })).toBe('yes');
    expect(decide({ categories: ['Shoes'] })).toBe('no');
  });

  it('matches attributes by presence or by value', () => {
    expect(decide({ attributes: [{ name: 'color' }] })).toBe('yes');
    expect(decide({ attributes: [{ name: 'color', value: 'red' }] })).toBe('yes');
    expect(decide({ attributes: [{ name: 'size', value: '42' }] })).toBe('yes');
    expect(decide({ attributes: [{ name: 'color', value: 'blue' }] })).toBe('no');
    expect(decide({ attributes: [{ name: 'preorder' }] })).toBe('no');
  });
});

describe('condition.orderContains, match all', () => {
  it('needs every listed SKU', () => {
    expect(decide({ match: 'all', skus: ['TS-1', 'MUG'] })).toBe('yes');
    expect(decide({ match: 'all', skus: ['TS-1', 'X-9'] })).toBe('no');
  });

  it('lets different items satisfy different criteria', () => {
    expect(decide({ match: 'all', skus: ['MUG'], categories: ['shirts'], attributes: [{ name: 'color', value: 'RED' }] })).toBe('yes');
    expect(decide({ match: 'all', skus: ['MUG'], categories: ['shirts'], attributes: [{ name: 'color', value: 'blue' }] })).toBe('no');
  });
});

describe('condition.orderContains, where it looks', () => {
  const cartOnly = ctx({ cart: { items: [{ sku: 'MUG', quantity: 1 }] } });

  it('reads the cart when told to', () => {
    expect(decide({ source: 'cart', skus: ['MUG'] }, cartOnly)).toBe('yes');
    expect(decide({ source: 'order', skus: ['MUG'] }, cartOnly)).toBe('no');
  });

  it('says no without an order', () => {
    expect(decide({ skus: ['MUG'] }, ctx({}))).toBe('no');
    expect(decide({ match: 'all', skus: ['MUG'] }, ctx({}))).toBe('no');
  });
});

describe('condition.orderContains check and summary', () => {
  it('asks for at least one thing to look for', () => {
    const parse = (c: object) => conditionOrderContains.configSchema.parse(c);
    expect(conditionOrderContains.check?.(parse({}))).toEqual([{ field: '', message: 'list at least one SKU, category or attribute to look for' }]);
    expect(conditionOrderContains.check?.(parse({ categories: ['Shirts'] }))).toEqual([]);
  });

  it('summarises the list', () => {
    const config = conditionOrderContains.configSchema.parse({
      source: 'cart',
      match: 'all',
      skus: ['A', 'B'],
      categories: ['Shirts'],
      attributes: [{ name: 'color', value: 'red' }],
    });
    expect(conditionOrderContains.summary(config)).toBe('If cart contains all of: SKU A, SKU B, category Shirts +1 more');
  });
});
