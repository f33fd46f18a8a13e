import { describe, expect, it } from 'vitest';
import type { RunContext } from '../context';
import { conditionHasPurchased } from './condition-has-purchased';

if (conditionHasPurchased.behavior.kind !== 'lookup') throw new Error('condition.hasPurchased must be a lookup');
const { query, choose } = conditionHasPurchased.behavior;
const ctx: RunContext = { flow: { id: 'f1', name: 'Flow' }, runId: 'r1', contact: { id: 'c1', tags: [] }, codes: {} };
const parse = (config: object) => conditionHasPurchased.configSchema.parse(config);

describe('condition.hasPurchased', () => {
  it('asks about the listed products within the period', () => {
    const config = parse({ skus: ['MUG'], categories: ['Coffee'], withinDays: 30 });
    expect(query(config, ctx)).toEqual({ type: 'hasPurchased', skus: ['MUG'], categories: ['Coffee'], withinDays: 30 });
    expect(conditionHasPurchased.summary(config)).toBe('If bought SKU MUG or category Coffee in the last 30 days');
  });

  it('with empty lists asks about any purchase, ever', () => {
    const config = parse(conditionHasPurchased.defaults);
    expect(query(config, ctx)).toEqual({ type: 'hasPurchased', skus: [], categories: [] });
    expect(conditionHasPurchased.summary(config)).toBe('If bought anything');
  });

  it("leaves the run's own order out, so a repeat purchase means another order", () => {
    const withOrder: RunContext = { ...ctx, order: { id: 'o7', items: [] } };
    expect(query(parse({ skus: ['MUG'] }), withOrder)).toEqual({ type: 'hasPurchased', skus: ['MUG'], categories: [], excludeOrderId: 'o7' });
  });

  it('follows the answer', () => {
    const config = parse({});
    expect([choose(config, { matched: true }), choose(config, { matched: false })]).toEqual(['yes', 'no']);
  });
});
