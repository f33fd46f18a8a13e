import type { Contact, FlowEvent } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { applyEventToContact, contactFromRef, mergeContact, normalizePhone } from './contact-merge';

const event = (type: string, contact: FlowEvent['contact'] = { email: 'ann@example.com' }, occurredAt = '2026-03-02T10:00:00Z'): FlowEvent => ({
  id: 'e1',
  type,
  occurredAt,
  contact,
});

describe('normalizePhone', () => {
  it('keeps digits and a leading plus', () => {
    expect(normalizePhone(' +420 777-12 (34) ')).toBe('+4207771234');
    expect(normalizePhone('777 123')).toBe('777123');
    expect(normalizePhone('n/a')).toBeUndefined();
  });
});

describe('mergeContact', () => {
  const existing: Contact = {
    id: 'c1',
    email: 'ann@example.com',
    firstName: 'Ann',
    tags: ['vip', 'flow-tagged'],
    attributes: { shoeSize: 38, city: 'Brno' },
    consent: { email: true },
  };

  it('lets the event fields win, adds tags, merges attributes and consent, never changes the id', () => {
    const merged = mergeContact(existing, {
      id: 'other',
      firstName: 'Anna',
      tags: ['vip', 'wholesale'],
      attributes: { city: 'Praha' },
      consent: { sms: false },
    });
    expect(merged).toEqual({
      id: 'c1',
      email: 'ann@example.com',
      firstName: 'Anna',
      tags: ['vip', 'flow-tagged', 'wholesale'],
      attributes: { shoeSize: 38, city: 'Praha' },
      consent: { email: true, sms: false },
    });
    expect(existing.tags).toEqual(['vip', 'flow-tagged']);
  });

  it('ignores fields the event leaves undefined', () => {
    expect(mergeContact(existing, { email: 'ann@example.com', lastName: undefined })).toEqual(existing);
  });

  it('builds a new contact from a reference', () => {
    expect(contactFromRef('c9', { email: 'bob@example.com', tags: ['new'] })).toEqual({ id: 'c9', email: 'bob@example.com', tags: ['new'] });
  });
});

describe('applyEventToContact', () => {
  const contact: Contact = { id: 'c1', tags: [], orderCount: 2, lastOrderAt: '2026-01-01T00:00:00Z' };

  it('order.created counts the order and sets lastOrderAt', () => {
    expect(applyEventToContact(contact, event('order.created'))).toEqual({ ...contact, orderCount: 3, lastOrderAt: '2026-03-02T10:00:00Z' });
    expect(applyEventToContact({ id: 'c2', tags: [] }, event('order.created'))).toEqual({ id: 'c2', tags: [], orderCount: 1, lastOrderAt: '2026-03-02T10:00:00Z' });
  });

  it('leaves the counters alone when the event carries them (they were merged already)', () => {
    const told = event('order.created', { email: 'ann@example.com', orderCount: 7, lastOrderAt: '2026-02-01T00:00:00Z' });
    expect(applyEventToContact(contact, told)).toEqual(contact);
    const countOnly = event('order.created', { email: 'ann@example.com', orderCount: 7 });
    expect(applyEventToContact(contact, countOnly)).toEqual({ ...contact, lastOrderAt: '2026-03-02T10:00:00Z' });
  });

  it('does not count an order twice, and lastOrderAt never moves back', () => {
    expect(applyEventToContact(contact, event('order.created'), { orderAlreadyCounted: true })).toEqual({ ...contact, lastOrderAt: '2026-03-02T10:00:00Z' });
    const late = event('order.created', { email: 'ann@example.com' }, '2025-12-01T00:00:00Z');
    expect(applyEventToContact(contact, late)).toEqual({ ...contact, orderCount: 3 });
  });

  it('customer.login sets lastLoginAt unless the event carries it', () => {
    expect(applyEventToContact(contact, event('customer.login'))).toEqual({ ...contact, lastLoginAt: '2026-03-02T10:00:00Z' });
    expect(applyEventToContact(contact, event('customer.login', { email: 'a@b.cz', lastLoginAt: '2026-01-05T00:00:00Z' }))).toEqual(contact);
  });

  it('other events change nothing', () => {
    expect(applyEventToContact(contact, event('order.paid'))).toBe(contact);
  });
});
