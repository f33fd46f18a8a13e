import type { FlowEvent } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { EventQueue, SEEN_EVENT_LIMIT } from './event-queue';

const event = (id: string): FlowEvent => ({ id, type: 'order.paid', occurredAt: '2025-03-10T08:00:00Z', contact: { id: 'c1' } });

describe('EventQueue', () => {
  it('hands events out in arrival order, each id once', () => {
    const queue = new EventQueue();
    expect([queue.push(event('a')), queue.push(event('b')), queue.push(event('a'))]).toEqual([true, true, false]);
    expect([queue.shift()?.id, queue.shift()?.id, queue.shift()]).toEqual(['a', 'b', undefined]);
    expect(queue.push(event('a'))).toBe(false);
  });

  it('drops the trigger when it is signalled too', () => {
    const queue = new EventQueue();
    queue.remember('trigger');
    expect(queue.push(event('trigger'))).toBe(false);
    expect(queue.size).toBe(0);
  });

  it('carries queued events and seen ids through a snapshot', () => {
    const queue = new EventQueue();
    queue.push(event('a'));
    queue.push(event('b'));
    queue.shift();
    const snapshot = queue.snapshot();
    expect({ queued: snapshot.queued.map((e) => e.id), seen: snapshot.seenEventIds }).toEqual({ queued: ['b'], seen: ['a', 'b'] });
    const resumed = new EventQueue(snapshot.queued, snapshot.seenEventIds);
    expect([resumed.push(event('a')), resumed.push(event('c'))]).toEqual([false, true]);
    expect([resumed.shift()?.id, resumed.shift()?.id]).toEqual(['b', 'c']);
  });

  it('forgets the oldest ids past the limit', () => {
    const queue = new EventQueue();
    for (let i = 0; i <= SEEN_EVENT_LIMIT; i++) queue.remember(`e${i}`);
    expect(queue.snapshot().seenEventIds.length).toBe(SEEN_EVENT_LIMIT);
    expect([queue.push(event('e1')), queue.push(event('e0'))]).toEqual([false, true]);
  });
});
