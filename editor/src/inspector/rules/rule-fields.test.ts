import { describe, expect, it } from 'vitest';
import { ruleFieldSuggestions, valuePaths } from './rule-fields';

describe('rule field suggestions', () => {
  it('offers the contact, order, cart and product fields rules can test, and the event type', () => {
    expect(ruleFieldSuggestions()).toEqual(
      expect.arrayContaining(['contact.firstName', 'contact.tags', 'contact.consent.email', 'order.paymentMethod', 'order.total', 'cart.total', 'product.sku', 'event.type']),
    );
  });

  it('leaves out free-form records and lists of objects, which a rule cannot test as one value', () => {
    expect(ruleFieldSuggestions().filter((f) => /attributes|items/.test(f))).toEqual([]);
  });

  it('walks nested objects, and lists of plain values only when asked', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        address: { type: 'object', properties: { city: { type: 'string' } } },
        extra: { type: 'object', additionalProperties: {} },
        when: { anyOf: [{ type: 'string' }, { type: 'string', format: 'date-time' }] },
      },
    };
    expect(valuePaths(schema, 'x', true)).toEqual(['x.name', 'x.tags', 'x.address.city', 'x.when']);
    expect(valuePaths(schema, 'x', false)).toEqual(['x.name', 'x.address.city', 'x.when']);
  });
});
