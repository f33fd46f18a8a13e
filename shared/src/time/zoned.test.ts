import { describe, expect, it } from 'vitest';
import { zonedTimeToUtc } from './zoned';

const utc = (local: string, tz: string) => {
  const [date = '', time = ''] = local.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return zonedTimeToUtc({ year: year ?? 0, month: month ?? 0, day: day ?? 0, hour: hour ?? 0, minute: minute ?? 0 }, tz).toISOString();
};

describe('zonedTimeToUtc', () => {
  it.each([
    ['2026-01-15 09:00', 'Europe/Prague', '2026-01-15T08:00:00.000Z'],
    ['2026-07-15 09:00', 'Europe/Prague', '2026-07-15T07:00:00.000Z'],
    ['2026-07-15 09:00', 'America/New_York', '2026-07-15T13:00:00.000Z'],
    ['2026-04-05 09:00', 'Australia/Lord_Howe', '2026-04-04T22:30:00.000Z'],
    // Skipped by spring-forward: the hour after, on both sides of UTC.
    ['2026-03-29 02:30', 'Europe/Prague', '2026-03-29T01:30:00.000Z'],
    ['2026-03-08 02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
  ])('%s in %s is %s', (local, tz, expected) => {
    expect(utc(local, tz)).toBe(expected);
  });
});
