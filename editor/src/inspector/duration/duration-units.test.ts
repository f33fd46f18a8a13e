import { parseDuration } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { joinIsoDuration, partsToSeconds, splitIsoDuration, splitSeconds } from './duration-units';

describe('splitIsoDuration', () => {
  it('keeps the unit the duration was written in', () => {
    expect(splitIsoDuration('PT24H')).toEqual({ amount: 24, unit: 'hours' });
    expect(splitIsoDuration('PT30M')).toEqual({ amount: 30, unit: 'minutes' });
    expect(splitIsoDuration('P3D')).toEqual({ amount: 3, unit: 'days' });
    expect(splitIsoDuration('P2W')).toEqual({ amount: 2, unit: 'weeks' });
  });

  it('shows a mixed duration in the largest unit that keeps it whole', () => {
    expect(splitIsoDuration('P1DT12H')).toEqual({ amount: 36, unit: 'hours' });
    expect(splitIsoDuration('P1W7D')).toEqual({ amount: 2, unit: 'weeks' });
    expect(splitIsoDuration('PT1H30M')).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitIsoDuration('PT120S')).toEqual({ amount: 2, unit: 'minutes' });
  });

  it('gives up on what minutes to weeks cannot show, and on what is not a duration', () => {
    expect(splitIsoDuration('PT90S')).toBeUndefined();
    expect(splitIsoDuration('P1M')).toBeUndefined();
    expect(splitIsoDuration('')).toBeUndefined();
    expect(splitIsoDuration('24h')).toBeUndefined();
  });
});

describe('joinIsoDuration', () => {
  it('writes the form shared/src/time/duration.ts accepts', () => {
    const written = [
      joinIsoDuration({ amount: 30, unit: 'minutes' }),
      joinIsoDuration({ amount: 24, unit: 'hours' }),
      joinIsoDuration({ amount: 3, unit: 'days' }),
      joinIsoDuration({ amount: 2, unit: 'weeks' }),
    ];
    expect(written).toEqual(['PT30M', 'PT24H', 'P3D', 'P2W']);
    expect(written.map(parseDuration)).toEqual([1800, 86400, 259200, 1209600]);
  });

  it('writes a fractional amount exactly in a smaller unit', () => {
    expect(joinIsoDuration({ amount: 1.5, unit: 'hours' })).toBe('PT90M');
    expect(joinIsoDuration({ amount: 0.5, unit: 'minutes' })).toBe('PT30S');
  });

  it('round-trips every whole amount in every unit', () => {
    for (const unit of ['minutes', 'hours', 'days', 'weeks'] as const) for (const amount of [1, 7, 48]) expect(splitIsoDuration(joinIsoDuration({ amount, unit }))).toEqual({ amount, unit });
  });
});

describe('seconds', () => {
  it('splits seconds into the largest whole unit and back', () => {
    expect(splitSeconds(172800)).toEqual({ amount: 2, unit: 'days' });
    expect(splitSeconds(5400)).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitSeconds(604800)).toEqual({ amount: 1, unit: 'weeks' });
    expect(splitSeconds(0)).toEqual({ amount: 0, unit: 'minutes' });
    expect(splitSeconds(45)).toBeUndefined();
    expect(partsToSeconds({ amount: 2, unit: 'days' })).toBe(172800);
    expect(partsToSeconds({ amount: 1.5, unit: 'hours' })).toBe(5400);
  });
});
