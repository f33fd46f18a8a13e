import { describe, expect, it } from 'vitest';
import { FlowClock } from './virtual-clock';

const origin = { flowStartMs: Date.parse('2025-03-10T08:00:00Z'), realStartMs: 1_000_000 };

describe('FlowClock', () => {
  it('runs flow time at the real pace with scale 1', () => {
    const clock = new FlowClock(origin, 1);
    expect(clock.now(1_000_000 + 90_000).toISOString()).toBe('2025-03-10T08:01:30.000Z');
    expect(clock.realDelayMs(Date.parse('2025-03-10T09:00:00Z'), 1_000_000)).toBe(3_600_000);
  });

  it('compresses a day into seconds and waits the scaled real time, rounded up', () => {
    const clock = new FlowClock(origin, 86_400 / 2.5);
    expect(clock.now(1_000_000 + 2_500).toISOString()).toBe('2025-03-11T08:00:00.000Z');
    expect(clock.realDelayMs(Date.parse('2025-03-11T08:00:00Z'), 1_000_000)).toBe(2_500);
    // 1 flow second is 0.0289 real ms: never a zero wait before it is due.
    expect(clock.realDelayMs(origin.flowStartMs + 1000, 1_000_000)).toBe(1);
  });

  it('has nothing to wait for once the time has come', () => {
    const clock = new FlowClock(origin, 100);
    expect(clock.realDelayMs(origin.flowStartMs, 1_000_000)).toBe(0);
    expect(clock.realDelayMs(origin.flowStartMs + 50_000, 1_000_500)).toBe(0);
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => new FlowClock(origin, 0)).toThrow('the time scale must be a positive number, not 0');
    expect(() => new FlowClock(origin, Number.NaN)).toThrow('the time scale must be a positive number, not NaN');
  });
});
