import { describe, expect, it } from 'vitest';
import { formatOffsetLabel } from './offset-label';

describe('formatOffsetLabel', () => {
  it('writes offsets with spaced units, days only from 48 h on', () => {
    expect(formatOffsetLabel(0)).toBe('+0 h');
    expect(formatOffsetLabel(45)).toBe('+45 s');
    expect(formatOffsetLabel(7200)).toBe('+2 h');
    expect(formatOffsetLabel(9000)).toBe('+2 h 30 min');
    expect(formatOffsetLabel(86400)).toBe('+24 h');
    expect(formatOffsetLabel(100800)).toBe('+28 h');
    expect(formatOffsetLabel(172800)).toBe('+2 d');
    expect(formatOffsetLabel(259200 + 61)).toBe('+3 d 1 min');
  });

  it('keeps the two largest units: a live run\'s compressed clock makes its seconds noise', () => {
    expect(formatOffsetLabel(259200 + 4 * 3600 + 61)).toBe('+3 d 4 h');
    expect(formatOffsetLabel(86400 + 26 * 60 + 31.4)).toBe('+24 h 26 min');
  });

  it('rounds fractions of a second and never shows a negative time', () => {
    expect(formatOffsetLabel(3599.6)).toBe('+1 h');
    expect(formatOffsetLabel(-5)).toBe('+0 h');
  });
});
