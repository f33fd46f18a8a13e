import { z } from 'zod';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export const weekdaySchema = z.enum(weekdays);
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time looks like "09:00" (24-hour clock)');

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone, or "contact": the contact's own zone (falling back to the flow's). */
export const timeZoneSchema = z
  .string()
  .superRefine((tz, ctx) => {
    if (tz !== 'contact' && !isValidTimeZone(tz))
      ctx.addIssue({ code: 'custom', message: `"${tz}" is not a known time zone; use an IANA name such as "Europe/Prague", or "contact"` });
  });

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function zonedParts(date: Date, tz: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: (parts.weekday ?? 'Mon').toLowerCase().slice(0, 3) as Weekday,
  };
}

/** The UTC instant at which the wall clock in `tz` shows the given local time. */
export function zonedTimeToUtc(local: { year: number; month: number; day: number; hour: number; minute: number }, tz: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Two passes settle the offset on both sides of a DST change; a time skipped by the
  // change (02:30 on a spring-forward night) lands on the hour after, as a person would expect.
  let guess = asUtc;
  const shownAt = (t: number) => {
    const p = zonedParts(new Date(t), tz);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  };
  for (let i = 0; i < 2; i++) guess += asUtc - shownAt(guess);
  // West of UTC the passes settle a skipped time an hour early (01:30 EST for 02:30 in New
  // York); moving by what the clock still misses gives the hour after there too.
  const miss = asUtc - shownAt(guess);
  return new Date(miss === 0 ? guess : Math.max(guess, guess + miss));
}

export function parseClock(time: string): { hour: number; minute: number } {
  const [h, m] = time.split(':').map(Number);
  return { hour: h ?? 0, minute: m ?? 0 };
}

/** Adds whole calendar days to a local date (no time zone involved). */
export function addLocalDays(d: { year: number; month: number; day: number }, days: number) {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The first moment strictly after `after` when the clock in `tz` shows `time` on one of `days`. */
export function nextClockTime(after: Date, time: string, days: readonly Weekday[], tz: string): Date {
  const allowed = days.length ? days : weekdays;
  const { hour, minute } = parseClock(time);
  const today = zonedParts(after, tz);
  for (let i = 0; i <= 7; i++) {
    const day = addLocalDays(today, i);
    const candidate = zonedTimeToUtc({ ...day, hour, minute }, tz);
    if (candidate.getTime() <= after.getTime()) continue;
    if (allowed.includes(zonedParts(candidate, tz).weekday)) return candidate;
  }
  throw new Error('unreachable: a week always holds an allowed day');
}

export interface TimeWindow {
  days: readonly Weekday[];
  from: string;
  to: string;
}

function minutesOf(time: string): number {
  const { hour, minute } = parseClock(time);
  return hour * 60 + minute;
}

/** Whether `at` falls inside the window (from inclusive, to exclusive) in `tz`. */
export function isInWindow(at: Date, window: TimeWindow, tz: string): boolean {
  const p = zonedParts(at, tz);
  const days = window.days.length ? window.days : weekdays;
  const m = p.hour * 60 + p.minute;
  return days.includes(p.weekday) && m >= minutesOf(window.from) && m < minutesOf(window.to);
}

/** `at` itself when inside the window, otherwise the next opening of the window. */
export function nextWindowOpening(at: Date, window: TimeWindow, tz: string): Date {
  if (isInWindow(at, window, tz)) return at;
  return nextClockTime(at, window.from, window.days, tz);
}
