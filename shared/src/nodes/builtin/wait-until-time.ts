import { z } from 'zod';
import { resolveTimeZone } from '../../time/resolve-zone';
import { addLocalDays, clockTimeSchema, nextClockTime, parseClock, timeZoneSchema, weekdaySchema, weekdays, zonedTimeToUtc, type Weekday } from '../../time/zoned';
import { defineNode, NEXT } from '../types';
import { dateFieldSchema, describeDayOffset, describeZone, readFieldDate, shiftLocalDays } from './date-field';

const dayLabels: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** The two ways to say when, built on first use (see defineNode); both share one time zone field. */
function untilSchema() {
  const zoneField = timeZoneSchema
    .default('contact')
    .meta({ title: 'Time zone', description: 'An IANA zone such as Europe/Prague, or "contact" for the contact’s own zone' });
  const clockMode = z
    .object({
      mode: z.literal('clock').meta({ title: 'Wait until' }),
      time: clockTimeSchema.default('09:00').meta({ title: 'Time', description: '24-hour clock, e.g. 09:00' }),
      days: z
        .array(
          weekdaySchema.meta({
            enumLabels: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
          }),
        )
        .min(1, 'pick at least one day')
        .default(['mon', 'tue', 'wed', 'thu', 'fri'])
        .meta({ title: 'On days' }),
      timezone: zoneField,
    })
    .meta({ title: 'A time of day' });

  const dateFieldMode = z
    .object({
      mode: z.literal('dateField').meta({ title: 'Wait until' }),
      field: dateFieldSchema().meta({ title: 'Date field', examples: ['order.deliveryDate', 'contact.birthday'] }),
      offsetDays: z.number().int().default(0).meta({ title: 'Days from the date', description: 'Negative means before: -1 is the day before' }),
      time: clockTimeSchema
        .optional()
        .meta({ title: 'At', description: 'Leave empty for the time stored in the field, or midnight for a plain date' }),
      timezone: zoneField,
    })
    .meta({ title: 'A date on the contact or order' });

  return z.discriminatedUnion('mode', [clockMode, dateFieldMode]);
}

function describeDays(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (set.size === 7) return '';
  if (set.size === 5 && weekdays.slice(0, 5).every((d) => set.has(d))) return 'weekday ';
  if (set.size === 2 && set.has('sat') && set.has('sun')) return 'weekend ';
  return `${weekdays.filter((d) => set.has(d)).map((d) => dayLabels[d]).join('/')} `;
}

export const waitUntilTime = defineNode({
  type: 'wait.untilTime',
  title: 'Wait until a time',
  description: 'Waits for a time of day (e.g. the next weekday at 09:00) or for a date stored on the contact or order.',
  category: 'wait',
  icon: 'alarm-clock',
  color: '#d97706',
  version: 1,
  configSchema: untilSchema,
  defaults: { mode: 'clock', time: '09:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'], timezone: 'contact' },
  outputs: () => [NEXT],
  summary: (c) => {
    switch (c.mode) {
      case 'clock':
        return `Wait until next ${describeDays(c.days)}${c.time}${describeZone(c.timezone)}`;
      case 'dateField':
        return `Wait until ${describeDayOffset(c.offsetDays, c.field)}${c.time ? ` at ${c.time}` : ''}${describeZone(c.timezone)}`;
      default: {
        const unreachable: never = c;
        throw new Error(`unknown wait mode ${JSON.stringify(unreachable)}`);
      }
    }
  },
  behavior: {
    kind: 'wait',
    plan: (c, ctx, now, settings) => {
      const zone = resolveTimeZone(c.timezone, ctx.contact.timezone, settings.timezone);
      switch (c.mode) {
        case 'clock':
          return { kind: 'sleep', until: nextClockTime(now, c.time, c.days, zone) };
        case 'dateField': {
          const read = readFieldDate(ctx, c.field, zone);
          if (!read) return { kind: 'sleep', until: now };
          let until: Date;
          if (c.time !== undefined) until = zonedTimeToUtc({ ...addLocalDays(read.date, c.offsetDays), ...parseClock(c.time) }, zone);
          else if (read.instant) until = shiftLocalDays(read.instant, c.offsetDays, zone);
          else until = zonedTimeToUtc({ ...addLocalDays(read.date, c.offsetDays), hour: 0, minute: 0 }, zone);
          // A moment already past means "go on now", not "wait forever".
          return { kind: 'sleep', until: until.getTime() > now.getTime() ? until : now };
        }
        default: {
          const unreachable: never = c;
          throw new Error(`unknown wait mode ${JSON.stringify(unreachable)}`);
        }
      }
    },
  },
});
