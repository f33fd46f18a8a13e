import { z } from 'zod';
import { clockTimeSchema, timeZoneSchema, weekdays, weekdaySchema, type Weekday } from '../../time/zoned';
import type { MessageTraits } from '../types';

const dayLabels: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/**
 * The `sendWindow` field of the email and SMS nodes. Left out (or "flow"), the flow's send window
 * holds marketing messages as before; "anyTime" lets this node ignore it; "own" gives the node
 * hours of its own, which hold it even when it is transactional: the marketer set them on
 * purpose. The own window has the flow window's shape and rule (it opens before it closes).
 */
export function messageWindowSchema() {
  const choice = { title: 'Send' };
  const follow = z.object({ mode: z.literal('flow').meta(choice) }).meta({ title: 'within the flow’s send window' });
  const anyTime = z.object({ mode: z.literal('anyTime').meta(choice) }).meta({ title: 'at any time' });
  const own = z
    .object({
      mode: z.literal('own').meta(choice),
      days: z
        .array(weekdaySchema.meta({ enumLabels: dayLabels }))
        .min(1, 'pick at least one day')
        .default([...weekdays])
        .meta({ title: 'Days' }),
      from: clockTimeSchema.default('09:00').meta({ title: 'Opens at', description: '24-hour clock, e.g. 09:00' }),
      to: clockTimeSchema.default('20:00').meta({ title: 'Closes at', description: '24-hour clock, e.g. 20:00; nothing is sent from this time on' }),
      timezone: timeZoneSchema
        .default('contact')
        .meta({ title: 'Time zone', description: 'An IANA zone such as Europe/Prague, or "contact" for the contact’s own zone' }),
    })
    .refine((w) => w.from < w.to, { message: 'the window must open ("from") before it closes ("to")', path: ['to'] })
    .meta({ title: 'only within these hours' });
  return z
    .discriminatedUnion('mode', [follow, anyTime, own])
    .optional()
    // `default` only tells the form what a node without the field does; parsing leaves it out.
    .meta({
      title: 'Send window',
      description: 'The flow’s window (in Flow settings) holds only marketing messages; this node’s own hours hold it even when it is transactional',
      default: { mode: 'flow' },
    });
}

export type MessageWindow = z.infer<ReturnType<typeof messageWindowSchema>>;

/** The node's window for the interpreter; nothing for "follow the flow", so such nodes' effect commands stay as they were. */
export function windowTraits(window: MessageWindow): Pick<MessageTraits, 'sendWindow'> {
  switch (window?.mode) {
    case undefined:
    case 'flow':
      return {};
    case 'anyTime':
      return { sendWindow: 'anyTime' };
    case 'own':
      return { sendWindow: { days: window.days, from: window.from, to: window.to, timezone: window.timezone } };
    default: {
      const unknown: never = window;
      throw new Error(`unknown send window ${JSON.stringify(unknown)}`);
    }
  }
}

function describeDays(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (set.size === weekdays.length) return '';
  if (set.size === 5 && weekdays.slice(0, 5).every((d) => set.has(d))) return 'weekdays ';
  if (set.size === 2 && set.has('sat') && set.has('sun')) return 'weekends ';
  return `${weekdays.filter((d) => set.has(d)).map((d) => dayLabels[d].slice(0, 3)).join('/')} `;
}

/** A short part of the node's summary, after the channel: "" when it follows the flow, " · any time", " · weekdays 09:00–18:00". */
export function describeMessageWindow(window: MessageWindow): string {
  switch (window?.mode) {
    case undefined:
    case 'flow':
      return '';
    case 'anyTime':
      return ' · any time';
    case 'own':
      return ` · ${describeDays(window.days)}${window.from}–${window.to}${window.timezone === 'contact' ? '' : ` ${window.timezone}`}`;
    default: {
      const unknown: never = window;
      throw new Error(`unknown send window ${JSON.stringify(unknown)}`);
    }
  }
}
