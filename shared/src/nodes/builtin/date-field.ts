import { z } from 'zod';
import { readPath } from '../../rules/path';
import { addLocalDays, zonedParts, zonedTimeToUtc } from '../../time/zoned';

/** Where trigger.date and wait.untilTime read their date: a contact or order property. */
export const dateFieldSchema = () =>
  z
    .string()
    .regex(/^(contact|order)\.[A-Za-z0-9_.]+$/, 'a date field looks like "contact.birthday" or "order.deliveryDate"');

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface FieldDate {
  /** The calendar date as written in the value, whatever zone its time is in. */
  date: LocalDate;
  /** The moment the value names, when it carries a time of day. */
  instant?: Date;
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const valuePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads "YYYY-MM-DD" or an ISO date-time at `path` (e.g. "contact.birthday"). A date-time
 * without an offset is read as wall-clock time in `zone`. Missing or malformed -> undefined.
 * Computed by hand rather than with Date.parse, whose reading of offset-less values depends
 * on the machine's zone: workflow code must give the same answer everywhere.
 */
export function readFieldDate(data: unknown, path: string, zone: string): FieldDate | undefined {
  const value = readPath(data, path);
  if (typeof value !== 'string') return undefined;
  const m = valuePattern.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = { year, month, day };
  if (m[4] === undefined) return { date };

  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = m[7];
  if (offset === undefined) return { date, instant: new Date(zonedTimeToUtc({ ...date, hour, minute }, zone).getTime() + second * 1000) };
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset === 'Z' ? '0000' : offset.slice(1).replace(':', '');
  const offsetMinutes = offset === 'Z' ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  return { date, instant: new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000) };
}

/** The same wall-clock time `days` calendar days later in `zone` (DST-aware, unlike adding 86400 s). */
export function shiftLocalDays(instant: Date, days: number, zone: string): Date {
  if (days === 0) return instant;
  const p = zonedParts(instant, zone);
  const shifted = zonedTimeToUtc({ ...addLocalDays(p, days), hour: p.hour, minute: p.minute }, zone);
  return new Date(shifted.getTime() + p.second * 1000 + instant.getUTCMilliseconds());
}

/** "contact.birthday", "3 days before contact.birthday", "1 day after order.deliveryDate". */
export function describeDayOffset(days: number, field: string): string {
  if (days === 0) return field;
  const n = Math.abs(days);
  return `${n} ${n === 1 ? 'day' : 'days'} ${days < 0 ? 'before' : 'after'} ${field}`;
}

/** " (Europe/Prague)" for a fixed zone; nothing for the contact's own. */
export function describeZone(zone: string): string {
  return zone === 'contact' ? '' : ` (${zone})`;
}
