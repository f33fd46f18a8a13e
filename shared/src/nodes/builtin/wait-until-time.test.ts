import { describe, expect, it } from 'vitest';
import type { Contact } from '../../data/contact';
import type { Order } from '../../data/order';
import { flowSettingsSchema } from '../../graph/settings';
import type { RunContext } from '../context';
import { waitUntilTime } from './wait-until-time';

if (waitUntilTime.behavior.kind !== 'wait') throw new Error('wait.untilTime must wait');
const { plan } = waitUntilTime.behavior;
const settings = flowSettingsSchema.parse({});
const ctx = (contact: Partial<Contact> = {}, order?: Order): RunContext => ({
  flow: { id: 'f1', name: 'Flow' },
  runId: 'r1',
  contact: { id: 'c1', tags: [], timezone: 'Europe/Prague', ...contact },
  codes: {},
  ...(order ? { order } : {}),
});
const at = (iso: string) => new Date(iso);
const parse = (config: object) => waitUntilTime.configSchema.parse(config);
const sleep = (iso: string) => ({ kind: 'sleep', until: at(iso) });

describe('wait.untilTime, clock mode', () => {
  const weekdays9 = parse(waitUntilTime.defaults);

  it('on a Friday after 09:00, waits for Monday 09:00 in the contact’s zone', () => {
    // Friday 7 March 2025, 11:00 in Prague.
    expect(plan(weekdays9, ctx(), at('2025-03-07T10:00:00Z'), settings)).toEqual(sleep('2025-03-10T08:00:00Z'));
  });

  it('before 09:00 on a weekday, waits for 09:00 the same day', () => {
    expect(plan(weekdays9, ctx(), at('2025-03-07T07:00:00Z'), settings)).toEqual(sleep('2025-03-07T08:00:00Z'));
  });

  it('at 09:00 exactly, waits for the next allowed day', () => {
    expect(plan(weekdays9, ctx(), at('2025-03-07T08:00:00Z'), settings)).toEqual(sleep('2025-03-10T08:00:00Z'));
  });

  it('uses each contact’s own zone', () => {
    // 05:00 on Friday in New York.
    expect(plan(weekdays9, ctx({ timezone: 'America/New_York' }), at('2025-03-07T10:00:00Z'), settings)).toEqual(sleep('2025-03-07T14:00:00Z'));
  });

  it('honours a fixed zone and chosen days', () => {
    const config = parse({ mode: 'clock', time: '18:30', days: ['sat'], timezone: 'Europe/London' });
    expect(plan(config, ctx(), at('2025-03-07T10:00:00Z'), settings)).toEqual(sleep('2025-03-08T18:30:00Z'));
  });
});

describe('wait.untilTime, date field mode', () => {
  const now = at('2025-03-01T12:00:00Z');
  const withDelivery = (deliveryDate: string) => ctx({}, { id: 'o1', items: [], deliveryDate });

  it('waits for the date plus the offset at the given time', () => {
    const config = parse({ mode: 'dateField', field: 'order.deliveryDate', offsetDays: 2, time: '10:00' });
    expect(plan(config, withDelivery('2025-03-10'), now, settings)).toEqual(sleep('2025-03-12T09:00:00Z'));
  });

  it('without a time, waits for midnight of a plain date', () => {
    const config = parse({ mode: 'dateField', field: 'order.deliveryDate', offsetDays: 2 });
    expect(plan(config, withDelivery('2025-03-10'), now, settings)).toEqual(sleep('2025-03-11T23:00:00Z'));
  });

  it('without a time, waits for the stored date-time, moved by whole local days', () => {
    const same = parse({ mode: 'dateField', field: 'order.deliveryDate' });
    expect(plan(same, withDelivery('2025-03-10T15:30:00Z'), now, settings)).toEqual(sleep('2025-03-10T15:30:00Z'));
    // 16:30 in Prague on 29 March; a day later is 16:30 summer time.
    const dayAfter = parse({ mode: 'dateField', field: 'order.deliveryDate', offsetDays: 1 });
    expect(plan(dayAfter, withDelivery('2025-03-29T15:30:00Z'), now, settings)).toEqual(sleep('2025-03-30T14:30:00Z'));
  });

  it('reads an offset-less date-time in the configured zone', () => {
    const config = parse({ mode: 'dateField', field: 'contact.attributes.appointment', timezone: 'Europe/Prague' });
    expect(plan(config, ctx({ attributes: { appointment: '2025-03-10T14:00' } }), now, settings)).toEqual(sleep('2025-03-10T13:00:00Z'));
  });

  it('goes on at once when the moment has passed or there is no date', () => {
    const config = parse({ mode: 'dateField', field: 'order.deliveryDate', offsetDays: -1, time: '09:00' });
    expect(plan(config, withDelivery('2025-03-01'), now, settings)).toEqual({ kind: 'sleep', until: now });
    expect(plan(config, ctx(), now, settings)).toEqual({ kind: 'sleep', until: now });
  });
});

describe('wait.untilTime summary', () => {
  it.each([
    [waitUntilTime.defaults, 'Wait until next weekday 09:00'],
    [{ mode: 'clock', days: ['sat', 'sun'], time: '10:00', timezone: 'Europe/Prague' }, 'Wait until next weekend 10:00 (Europe/Prague)'],
    [{ mode: 'clock', days: ['wed', 'mon'] }, 'Wait until next Mon/Wed 09:00'],
    [{ mode: 'dateField', field: 'order.deliveryDate', offsetDays: 2 }, 'Wait until 2 days after order.deliveryDate'],
    [{ mode: 'dateField', field: 'contact.birthday', time: '08:00' }, 'Wait until contact.birthday at 08:00'],
  ])('%j -> %s', (config, text) => {
    expect(waitUntilTime.summary(parse(config))).toBe(text);
  });
});
