import { describe, expect, it } from 'vitest';
import { deliverTo, realDuration, timeScaleOptions } from './live-options';

describe('live test options', () => {
  it('offers the three clock speeds', () => {
    expect(timeScaleOptions.map((o) => [o.label, o.value])).toEqual([
      ['1 h = 1 s', 3600],
      ['1 h = 10 s', 360],
      ['1 min = 1 s', 60],
    ]);
  });

  it('sends only the addresses filled in', () => {
    expect(deliverTo('', '  ')).toBeUndefined();
    expect(deliverTo(' me@example.com ', '')).toEqual({ email: 'me@example.com' });
    expect(deliverTo('me@example.com', '+420606000111')).toEqual({ email: 'me@example.com', phone: '+420606000111' });
  });

  it('says how long a stretch of flow time takes for real', () => {
    expect(realDuration(86400, 3600)).toBe('about 24 s');
    expect(realDuration(30 * 86400, 3600)).toBe('about 12 min');
    expect(realDuration(30 * 86400, 60)).toBe('about 12 h');
  });
});
