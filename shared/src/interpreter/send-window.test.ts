import { describe, expect, it } from 'vitest';
import type { Contact } from '../data/contact';
import { flowSettingsSchema } from '../graph/settings';
import type { MessageTraits } from '../nodes/types';
import { messageWindow, sendWindowDelay } from './send-window';

const settings = (sendWindow: Record<string, unknown>, timezone = 'UTC') => flowSettingsSchema.parse({ sendWindow, timezone });
const contactIn = (timezone?: string): Contact => ({ id: 'c1', tags: [], ...(timezone ? { timezone } : {}) });
const daytime = { from: '09:00', to: '20:00', timezone: 'contact' };
const delay = (window: Record<string, unknown>, contact: Contact, now: string, flowZone?: string) => {
  const flow = settings(window, flowZone);
  return sendWindowDelay(flow.sendWindow, flow, contact, new Date(now))?.toISOString();
};

describe('send windows in the contact’s time zone', () => {
  it('holds a message due at night until 09:00 where the contact lives', () => {
    // 21:00 in Tokyo, 07:00 in New York.
    expect(delay(daytime, contactIn('Asia/Tokyo'), '2026-03-02T12:00:00Z')).toBe('2026-03-03T00:00:00.000Z');
    expect(delay(daytime, contactIn('America/New_York'), '2026-03-02T12:00:00Z')).toBe('2026-03-02T14:00:00.000Z');
  });

  it('lets a message inside the window go at once (from inclusive, to exclusive)', () => {
    expect(delay(daytime, contactIn('Asia/Tokyo'), '2026-03-02T00:00:00Z')).toBeUndefined();
    expect(delay(daytime, contactIn('Asia/Tokyo'), '2026-03-02T11:00:00Z')).toBe('2026-03-03T00:00:00.000Z');
  });

  it('falls back to the flow’s zone for a contact without one, or with one that does not exist', () => {
    expect(delay(daytime, contactIn(), '2026-03-02T12:00:00Z', 'America/Los_Angeles')).toBe('2026-03-02T17:00:00.000Z');
    expect(delay(daytime, contactIn('Mars/Olympus'), '2026-03-02T12:00:00Z', 'America/Los_Angeles')).toBe('2026-03-02T17:00:00.000Z');
  });

  it('a window with its own zone ignores the contact’s', () => {
    expect(delay({ ...daytime, timezone: 'Europe/Prague' }, contactIn('Asia/Tokyo'), '2026-03-02T06:00:00Z')).toBe('2026-03-02T08:00:00.000Z');
  });

  it('skips days the window is closed', () => {
    // Saturday 11:00 in Prague: the next weekday opening is Monday 09:00.
    expect(delay({ ...daytime, days: ['mon', 'tue', 'wed', 'thu', 'fri'] }, contactIn('Europe/Prague'), '2026-03-07T10:00:00Z')).toBe('2026-03-09T08:00:00.000Z');
  });

  it('opens at the right instant on the nights clocks change', () => {
    // New York springs forward on 8 March 2026: 09:00 is EDT (UTC-4).
    expect(delay(daytime, contactIn('America/New_York'), '2026-03-08T05:00:00Z')).toBe('2026-03-08T13:00:00.000Z');
    // Prague falls back on 25 October 2026: 09:00 is CET (UTC+1).
    expect(delay(daytime, contactIn('Europe/Prague'), '2026-10-25T00:30:00Z')).toBe('2026-10-25T08:00:00.000Z');
    // A window opening at a time the change skips opens the hour after, east and west of UTC.
    const early = { from: '02:30', to: '05:00', timezone: 'contact' };
    expect(delay(early, contactIn('America/New_York'), '2026-03-08T05:00:00Z')).toBe('2026-03-08T07:30:00.000Z');
    expect(delay(early, contactIn('Europe/Prague'), '2026-03-29T00:00:00Z')).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('which window a message waits for', () => {
  const flow = settings(daytime);
  const own = { days: ['sat', 'sun'] as const, from: '10:00', to: '12:00', timezone: 'Europe/Prague' };
  const sms = (marketing: boolean, sendWindow?: MessageTraits['sendWindow']): MessageTraits => ({ channel: 'sms', marketing, ...(sendWindow ? { sendWindow } : {}) });

  it('without a choice of its own: the flow’s for marketing messages, none for transactional ones', () => {
    expect(messageWindow(flow, sms(true))).toBe(flow.sendWindow);
    expect(messageWindow(flow, sms(false))).toBeUndefined();
    expect(messageWindow(settings({ from: '09:00', to: '10:00' }), sms(true))?.to).toBe('10:00');
  });

  it('"any time" ignores the flow’s; a window of its own wins, transactional or not', () => {
    expect(messageWindow(flow, sms(true, 'anyTime'))).toBeUndefined();
    expect(messageWindow(flow, sms(true, { ...own, days: [...own.days] }))).toEqual({ ...own, days: ['sat', 'sun'] });
    expect(messageWindow(flowSettingsSchema.parse({}), sms(false, { ...own, days: [...own.days] }))).toEqual({ ...own, days: ['sat', 'sun'] });
  });
});
