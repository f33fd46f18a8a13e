import { z } from 'zod';
import { resolveTimeZone } from '../../time/resolve-zone';
import { addLocalDays, clockTimeSchema, parseClock, timeZoneSchema, zonedParts, zonedTimeToUtc } from '../../time/zoned';
import { defineNode, NEXT } from '../types';
import { dateFieldSchema, describeDayOffset, describeZone, isLeapYear, readFieldDate } from './date-field';

export const triggerDate = defineNode({
  type: 'trigger.date',
  title: 'On a date',
  description: 'Starts the flow on a date stored on the contact or order: a birthday, an anniversary, a delivery date, days before or after it.',
  category: 'trigger',
  icon: 'calendar',
  color: '#7c3aed',
  version: 1,
  configSchema: () => z.object({
    field: dateFieldSchema().meta({
      title: 'Date field',
      description: 'A date on the contact or order',
      examples: ['contact.birthday', 'order.deliveryDate', 'contact.attributes.anniversary'],
    }),
    // Bounded to a year either way so that a yearly date always has a next occurrence nearby.
    offsetDays: z
      .number()
      .int()
      .min(-365)
      .max(365)
      .default(0)
      .meta({ title: 'Days from the date', description: 'Negative means before: -3 starts three days before the date' }),
    time: clockTimeSchema.default('09:00').meta({ title: 'At', description: '24-hour clock, e.g. 09:00' }),
    timezone: timeZoneSchema
      .default('contact')
      .meta({ title: 'Time zone', description: 'An IANA zone such as Europe/Prague, or "contact" for the contact’s own zone' }),
    yearly: z.boolean().default(false).meta({ title: 'Every year', description: 'For birthdays and anniversaries: ignore the year and start every year' }),
  }),
  defaults: { field: 'contact.birthday', offsetDays: 0, time: '09:00', timezone: 'contact', yearly: true },
  outputs: () => [NEXT],
  summary: (c) => {
    const when = c.offsetDays === 0 ? `On ${c.field}` : describeDayOffset(c.offsetDays, c.field);
    return `${when} at ${c.time}${describeZone(c.timezone)}${c.yearly ? ', yearly' : ''}`;
  },
  behavior: {
    kind: 'scheduleTrigger',
    nextFireAt: (c, facts, after, settings) => {
      const zone = resolveTimeZone(c.timezone, facts.contact.timezone, settings.timezone);
      const read = readFieldDate(facts, c.field, zone);
      if (!read) return undefined;
      const { hour, minute } = parseClock(c.time);
      const fireFor = (date: { year: number; month: number; day: number }) =>
        zonedTimeToUtc({ ...addLocalDays(date, c.offsetDays), hour, minute }, zone);

      if (!c.yearly) {
        const fire = fireFor(read.date);
        return fire.getTime() > after.getTime() ? fire : undefined;
      }
      // Occurrences grow with the year, so the first one after `after` is the answer; two years
      // either side cover any offset up to a year and any zone.
      const { month, day } = read.date;
      const year = zonedParts(after, zone).year;
      for (let y = year - 2; y <= year + 2; y++) {
        const fire = fireFor({ year: y, month, day: month === 2 && day === 29 && !isLeapYear(y) ? 28 : day });
        if (fire.getTime() > after.getTime()) return fire;
      }
      return undefined;
    },
  },
});
