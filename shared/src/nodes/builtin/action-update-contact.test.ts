import { describe, expect, it } from 'vitest';
import { actionUpdateContact } from './action-update-contact';

const check = (set: Record<string, string | number | boolean | null>) => actionUpdateContact.check?.(actionUpdateContact.configSchema.parse({ set }));

describe('action.updateContact check', () => {
  it('needs at least one field', () => {
    expect(check({})).toEqual([{ field: 'set', message: 'set at least one field' }]);
  });

  it('accepts contact fields, custom attributes and clearing', () => {
    expect(check({ customerType: 'vip', wholesale: true, 'attributes.segment': 'engaged', firstName: null })).toEqual([]);
  });

  it('reports protected and unknown fields at their key', () => {
    const allowed =
      'email, phone, firstName, lastName, birthday, timezone, customerType, group, wholesale, affiliate, orderCount, lastOrderAt, lastLoginAt, or attributes.<name>';
    expect(check({ id: 'x', tags: 'vip', loyaltyTier: 'gold', 'attributes.': 'x' })).toEqual([
      { field: 'set.id', message: `"id" cannot be set here; use one of ${allowed}` },
      { field: 'set.tags', message: `"tags" cannot be set here; use one of ${allowed}` },
      { field: 'set.loyaltyTier', message: `"loyaltyTier" cannot be set here; use one of ${allowed}` },
      { field: 'set.attributes.', message: `"attributes." cannot be set here; use one of ${allowed}` },
    ]);
  });

  it('reports values the contact record would not accept', () => {
    expect(check({ wholesale: 'yes', orderCount: -1 })).toEqual([
      { field: 'set.wholesale', message: '"yes" is not a valid wholesale: Invalid input: expected boolean, received string' },
      { field: 'set.orderCount', message: '-1 is not a valid orderCount: Too small: expected number to be >=0' },
    ]);
  });

  it('summarises', () => {
    expect(actionUpdateContact.summary(actionUpdateContact.configSchema.parse({ set: { customerType: 'vip', group: null } }))).toBe(
      'Set customerType = "vip", clear group',
    );
  });
});
