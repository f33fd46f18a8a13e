import type { FlowEvent } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import type { IngestResult } from '../../db';
import { IngestQueue } from './ingest-queue';

const event = (id: string): FlowEvent => ({ id, type: 'order.created', occurredAt: '2026-11-23T10:00:00Z', contact: { email: `${id}@example.com` }, data: {} }) as FlowEvent;

/** A write that records its calls and holds each until released, like a transaction in flight. */
function slowWrite() {
  const calls: string[][] = [];
  const releases: (() => void)[] = [];
  const seen = new Set<string>();
  const write = (events: FlowEvent[]) => {
    calls.push(events.map((e) => e.id));
    return new Promise<IngestResult[]>((resolve, reject) => {
      releases.push(() => {
        if (events.some((e) => e.id.startsWith('bad')) && events.length > 1) return reject(new Error('a bad event in the group'));
        if (events.some((e) => e.id.startsWith('bad'))) return reject(new Error(`cannot store ${events[0]?.id}`));
        resolve(events.map((e) => ({ status: seen.has(e.id) ? 'duplicate' : (seen.add(e.id), 'stored'), eventId: e.id, contactId: `ct_${e.id}` })));
      });
    });
  };
  const releaseAll = async () => {
    while (releases.length > 0) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { calls, write, releaseAll };
}

describe('IngestQueue', () => {
  it('writes a request at once while a slot is free, and groups the ones that wait', async () => {
    const w = slowWrite();
    const queue = new IngestQueue(w.write, { maxInFlight: 1 });
    const first = queue.ingest([event('a')]);
    const later = [queue.ingest([event('b')]), queue.ingest([event('c'), event('d')])];
    expect(w.calls).toEqual([['a']]);
    await w.releaseAll();
    expect(w.calls).toEqual([['a'], ['b', 'c', 'd']]);
    expect((await first).map((r) => r.eventId)).toEqual(['a']);
    expect((await later[0])?.map((r) => r.eventId)).toEqual(['b']);
    expect((await later[1])?.map((r) => r.eventId)).toEqual(['c', 'd']);
  });

  it('answers a repeated id in one group as a duplicate, as separate writes would', async () => {
    const w = slowWrite();
    const queue = new IngestQueue(w.write, { maxInFlight: 1 });
    void queue.ingest([event('x')]);
    const again = [queue.ingest([event('y')]), queue.ingest([event('y')])];
    await w.releaseAll();
    expect((await again[0])?.[0]?.status).toBe('stored');
    expect((await again[1])?.[0]?.status).toBe('duplicate');
  });

  it('keeps a group under maxEvents, except a single larger request', async () => {
    const w = slowWrite();
    const queue = new IngestQueue(w.write, { maxInFlight: 1, maxEvents: 3 });
    void queue.ingest([event('a')]);
    const rest = [queue.ingest([event('b'), event('c')]), queue.ingest([event('d'), event('e')]), queue.ingest([event('f'), event('g'), event('h'), event('i')])];
    await w.releaseAll();
    await Promise.all(rest);
    expect(w.calls).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f', 'g', 'h', 'i']]);
  });

  it('writes each request of a failed group again alone, so only the bad one fails', async () => {
    const w = slowWrite();
    const queue = new IngestQueue(w.write, { maxInFlight: 1 });
    void queue.ingest([event('a')]);
    const good = queue.ingest([event('b')]);
    const bad = queue.ingest([event('bad1')]);
    const outcome = Promise.allSettled([good, bad]);
    await w.releaseAll();
    const [g, b] = await outcome;
    expect(g).toMatchObject({ status: 'fulfilled', value: [{ eventId: 'b', status: 'stored' }] });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: 'cannot store bad1' } });
    expect(w.calls).toEqual([['a'], ['b', 'bad1'], ['b'], ['bad1']]);
  });

  it('runs up to maxInFlight writes side by side', async () => {
    const w = slowWrite();
    const queue = new IngestQueue(w.write, { maxInFlight: 2 });
    const all = ['a', 'b', 'c'].map((id) => queue.ingest([event(id)]));
    expect(w.calls).toEqual([['a'], ['b']]);
    await w.releaseAll();
    await Promise.all(all);
    expect(w.calls).toEqual([['a'], ['b'], ['c']]);
  });
});
