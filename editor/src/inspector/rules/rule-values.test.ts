import { describe, expect, it } from 'vitest';
import { coerceScalar, formatRuleValue, parseRuleValue, sameRuleValue, takesValue, withOperator } from './rule-values';

describe('rule values', () => {
  it('reads typed text as the value a rule compares with', () => {
    expect(coerceScalar('true')).toBe(true);
    expect(coerceScalar('false')).toBe(false);
    expect(coerceScalar('12.5')).toBe(12.5);
    expect(coerceScalar('-3')).toBe(-3);
    expect(coerceScalar('01234')).toBe('01234');
    expect(coerceScalar('transfer')).toBe('transfer');
  });

  it('splits a comma list for "is one of" only', () => {
    expect(parseRuleValue('card, transfer ,, 5', 'in')).toEqual(['card', 'transfer', 5]);
    expect(parseRuleValue('Praha, CZ', 'eq')).toBe('Praha, CZ');
    expect(parseRuleValue('  ', 'eq')).toBeUndefined();
    expect(parseRuleValue(' , ', 'in')).toBeUndefined();
  });

  it('shows a list as a comma list, and nothing for no value', () => {
    expect(formatRuleValue(['card', 5, true])).toBe('card, 5, true');
    expect(formatRuleValue(100)).toBe('100');
    expect(formatRuleValue(undefined)).toBe('');
  });

  it('compares lists item by item so half-typed text is kept', () => {
    expect(sameRuleValue(parseRuleValue('a, b, ', 'in'), ['a', 'b'])).toBe(true);
    expect(sameRuleValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameRuleValue(5, 5)).toBe(true);
  });

  it('hides the value for "is set" and "is not set"', () => {
    expect(takesValue('exists')).toBe(false);
    expect(takesValue('notExists')).toBe(false);
    expect(takesValue('eq')).toBe(true);
  });
});

describe('withOperator', () => {
  const rule = { field: 'order.paymentMethod', op: 'eq', value: 'transfer' };

  it('wraps a value into a list for "is one of" and unwraps a list of one when leaving it', () => {
    const listed = withOperator(rule, 'in');
    expect(listed).toEqual({ field: 'order.paymentMethod', op: 'in', value: ['transfer'] });
    expect(withOperator(listed, 'neq')).toEqual({ field: 'order.paymentMethod', op: 'neq', value: 'transfer' });
  });

  it('keeps a longer list for the validator to point out', () => {
    expect(withOperator({ ...rule, op: 'in', value: ['card', 'transfer'] }, 'eq')).toEqual({ ...rule, value: ['card', 'transfer'] });
  });

  it('drops the value for operators that take none', () => {
    expect(withOperator(rule, 'exists')).toEqual({ field: 'order.paymentMethod', op: 'exists' });
    expect(withOperator({ field: 'x', op: 'exists' }, 'eq')).toEqual({ field: 'x', op: 'eq' });
  });
});
