import { describe, expect, it } from 'vitest';
import { WorkInFlight } from './work-in-flight';

describe('WorkInFlight', () => {
  it('settles only after every tracked promise, including ones tracked while waiting', async () => {
    const work = new WorkInFlight();
    const order: string[] = [];
    let release!: () => void;
    const first = work.track(new Promise<void>((resolve) => (release = resolve)).then(() => {
      order.push('first');
      void work.track(new Promise<void>((resolve) => setTimeout(resolve, 20)).then(() => order.push('second')));
    }));
    const failing = work.track(Promise.reject(new Error('probe failed')));
    await expect(failing).rejects.toThrow('probe failed');
    expect(work.size).toBe(1);
    const settled = work.settled().then(() => order.push('settled'));
    release();
    await Promise.all([first, settled]);
    expect(order).toEqual(['first', 'second', 'settled']);
    expect(work.size).toBe(0);
  });

  it('settles at once when nothing is tracked', async () => {
    await expect(new WorkInFlight().settled()).resolves.toBeUndefined();
  });
});
