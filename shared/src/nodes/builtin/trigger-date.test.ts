import { describe, expect, it } from 'vitest';
import type { Contact } from '../../data/contact';
import type { Order } from '../../data/order';
import { flowSettingsSchema } from '../../graph/settings';
import { triggerDate } from './trigger-date';

const settings = flowSettingsSchema.parse({});
if (triggerDate.behavior.kind !== 'scheduleTrigger') throw new Error('trigger.date must be a schedule trigger');
const { nextFireAt } = triggerDate.behavior;

const contact = (over: Partial<Contact> = {}): Contact => ({ id: 'c1', tags: [], timezone: 'Europe/Prague', ...over });
const order = (over: Partial<Order> = {}): Order => ({ id: 'o1', items: [], ...over });
const at = (iso: string) => new Date(iso);

describe('trigger.date nextFireAt, yearly birthday 3 days before at 09:00 in the contact’s zone', () => {
  const config = triggerDate.configSchema.parse({ field: 'contact.birthday', offsetDays: -3, time: '09:00', timezone: 'contact', yearly: true });

  it('fires in winter at 09:00 CET', () => {
    const facts = { contact: contact({ birthday: '1990-01-20' }) };
    expect(nextFireAt(config, facts, at('2025-01-01T00:00:00Z'), settings)).toEqual(at('2025-01-17T08:00:00Z'));
  });

  it('fires at 09:00 CEST on the night summer time starts (30 March 2025)', () => {
    const facts = { contact: contact({ birthday: '1990-04-02' }) };
    expect(nextFireAt(config, facts, at('2025-01-15T00:00:00Z'), settings)).toEqual(at('2025-03-30T07:00:00Z'));
  });

  it('fires at 09:00 CET on the day summer time ends (26 October 2025)', () => {
    const facts = { contact: contact({ birthday: '1985-10-29' }) };
    expect(nextFireAt(config, facts, at('2025-06-01T00:00:00Z'), settings)).toEqual(at('2025-10-26T08:00:00Z'));
  });

  it('fires at the moment itself when asked from just before it', () => {
    const facts = { contact: contact({ birthday: '1990-04-02' }) };
    expect(nextFireAt(config, facts, at('2025-03-30T06:59:59.999Z'), settings)).toEqual(at('2025-03-30T07:00:00Z'));
  });

  it('moves to next year when asked at or after the moment', () => {
    const facts = { contact: contact({ birthday: '1990-04-02' }) };
    expect(nextFireAt(config, facts, at('2025-03-30T07:00:00Z'), settings)).toEqual(at('2026-03-30T07:00:00Z'));
    expect(nextFireAt(config, facts, at('2025-03-30T07:00:00.001Z'), settings)).toEqual(at('2026-03-30T07:00:00Z'));
  });

  it('uses the flow’s zone when the contact has none', () => {
    const facts = { contact: contact({ birthday: '1990-01-20', timezone: undefined }) };
    const newYork = flowSettingsSchema.parse({ timezone: 'America/New_York' });
    expect(nextFireAt(config, facts, at('2025-01-01T00:00:00Z'), newYork)).toEqual(at('2025-01-17T14:00:00Z'));
  });
});

describe('trigger.date nextFireAt, leap-day birthdays', () => {
  const config = triggerDate.configSchema.parse({ field: 'contact.birthday', timezone: 'Europe/Prague', yearly: true });
  const facts = { contact: contact({ birthday: '2000-02-29' }) };

  it('falls on 28 February in a non-leap year', () => {
    expect(nextFireAt(config, facts, at('2025-01-01T00:00:00Z'), settings)).toEqual(at('2025-02-28T08:00:00Z'));
  });

  it('falls on 29 February in a leap year', () => {
    expect(nextFireAt(config, facts, at('2027-03-01T00:00:00Z'), settings)).toEqual(at('2028-02-29T08:00:00Z'));
  });
});

describe('trigger.date nextFireAt, one-off dates', () => {
  const config = triggerDate.configSchema.parse({ field: 'order.deliveryDate', offsetDays: 2, time: '10:00', timezone: 'Europe/Prague' });

  it('fires two days after the delivery date, across the end of summer time', () => {
    const facts = { contact: contact(), order: order({ deliveryDate: '2025-10-24' }) };
    expect(nextFireAt(config, facts, at('2025-10-20T00:00:00Z'), settings)).toEqual(at('2025-10-26T09:00:00Z'));
  });

  it('takes the calendar date as written from a date-time', () => {
    const facts = { contact: contact(), order: order({ deliveryDate: '2025-10-24T23:30:00-05:00' }) };
    expect(nextFireAt(config, facts, at('2025-10-20T00:00:00Z'), settings)).toEqual(at('2025-10-26T09:00:00Z'));
  });

  it('never fires once the moment has passed', () => {
    const facts = { contact: contact(), order: order({ deliveryDate: '2025-10-24' }) };
    expect(nextFireAt(config, facts, at('2025-10-26T08:59:59Z'), settings)).toEqual(at('2025-10-26T09:00:00Z'));
    expect(nextFireAt(config, facts, at('2025-10-26T09:00:00Z'), settings)).toBeUndefined();
  });

  it('does not fire without a date, or with one that is no date', () => {
    expect(nextFireAt(config, { contact: contact() }, at('2025-01-01T00:00:00Z'), settings)).toBeUndefined();
    expect(nextFireAt(config, { contact: contact(), order: order() }, at('2025-01-01T00:00:00Z'), settings)).toBeUndefined();
    const custom = triggerDate.configSchema.parse({ field: 'contact.attributes.anniversary' });
    const facts = { contact: contact({ attributes: { anniversary: '2025-02-30' } }) };
    expect(nextFireAt(custom, facts, at('2025-01-01T00:00:00Z'), settings)).toBeUndefined();
  });
});

describe('trigger.date config and summary', () => {
  it('describes the moment', () => {
    const parse = (c: object) => triggerDate.summary(triggerDate.configSchema.parse(c));
    expect(parse({ field: 'contact.birthday', offsetDays: -3, yearly: true })).toBe('3 days before contact.birthday at 09:00, yearly');
    expect(parse({ field: 'order.deliveryDate', offsetDays: 1, time: '18:30', timezone: 'Europe/Prague' })).toBe(
      '1 day after order.deliveryDate at 18:30 (Europe/Prague)',
    );
    expect(parse({ field: 'contact.birthday' })).toBe('On contact.birthday at 09:00');
  });

  it('accepts only contact and order fields', () => {
    const result = triggerDate.configSchema.safeParse({ field: 'event.occurredAt' });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['field', 'a date field looks like "contact.birthday" or "order.deliveryDate"'],
    ]);
  });
});
