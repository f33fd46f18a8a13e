import { describe, expect, it } from 'vitest';
import { formatOffsetLabel, relabelOffsets } from './offset-label';

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

describe('relabelOffsets', () => {
  it('rewrites the compact offsets of step details, leaving the rest of the text alone', () => {
    expect(relabelOffsets('until +3d 26m 56s for order.paid')).toBe('until +3 d 26 min for order.paid');
    expect(relabelOffsets('until +24h')).toBe('until +24 h');
    expect(relabelOffsets('between +0s and +90m')).toBe('between +0 h and +1 h 30 min');
    expect(relabelOffsets('score +5 points, tag c+d')).toBe('score +5 points, tag c+d');
  });
});
