import type { FlowEvent } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { ScheduledEvents } from './scheduled-events';

const START = Date.parse('2026-01-05T08:00:00Z');
const event = (id: string): FlowEvent => ({ id, type: 'order.paid', occurredAt: '2026-01-05T10:00:00Z', contact: { id: 'c-1' } });

describe('ScheduledEvents', () => {
  it('hands out each event once it is due, in time order, equal times in their given order', () => {
    const events = new ScheduledEvents(
      [
        { atSeconds: 7200, event: event('b') },
        { atSeconds: 3600, event: event('a') },
        { atSeconds: 7200, event: event('c') },
      ],
      START,
    );
    expect(events.nextAtMs()).toBe(START + 3_600_000);
    expect(events.due(START + 3_599_999.5)).toEqual([]);
    expect(events.due(START + 3_600_000).map((e) => e.id)).toEqual(['a']);
    expect(events.due(START + 3_600_000)).toEqual([]);
    expect(events.nextAtMs()).toBe(START + 7_200_000);
    expect(events.due(START + 10_000_000).map((e) => e.id)).toEqual(['b', 'c']);
    expect(events.nextAtMs()).toBeUndefined();
  });

  it('rounds a fractional time up, so an event is never early', () => {
    const events = new ScheduledEvents([{ atSeconds: 0.0005, event: event('a') }], START);
    expect(events.nextAtMs()).toBe(START + 1);
    expect(events.due(START + 0.5)).toEqual([]);
    expect(events.due(START + 1).map((e) => e.id)).toEqual(['a']);
  });
});
