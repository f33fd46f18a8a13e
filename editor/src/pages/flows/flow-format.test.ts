import { describe, expect, it } from 'vitest';
import { formatUpdated, statusLabel } from './flow-format';

describe('statusLabel', () => {
  it('names each status as the list shows it', () => {
    expect(['draft', 'active', 'paused'].map((s) => statusLabel(s as 'draft'))).toEqual(['Draft', 'Active', 'Paused']);
  });
});

describe('formatUpdated', () => {
  const now = new Date('2026-03-12T12:00:00Z');

  it('says how long ago within a week', () => {
    expect(formatUpdated('2026-03-12T11:59:30Z', now)).toBe('just now');
    expect(formatUpdated('2026-03-12T11:55:00Z', now)).toBe('5 min ago');
    expect(formatUpdated('2026-03-12T09:00:00Z', now)).toBe('3 h ago');
    expect(formatUpdated('2026-03-11T11:00:00Z', now)).toBe('yesterday');
    expect(formatUpdated('2026-03-09T12:00:00Z', now)).toBe('3 days ago');
  });

  it('gives the date for anything older', () => {
    expect(formatUpdated('2026-02-01T12:00:00Z', now)).toBe('1 Feb 2026');
  });
});
