import { describe, expect, it } from 'vitest';
import { parseThemeChoice, resolveTheme } from './theme';

describe('theme choice', () => {
  it('follows the system until a choice is saved', () => {
    expect(resolveTheme(undefined, true)).toBe('dark');
    expect(resolveTheme(undefined, false)).toBe('light');
  });

  it('keeps a saved choice over the system preference', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('ignores anything else stored under its key', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('system')).toBeUndefined();
    expect(parseThemeChoice(null)).toBeUndefined();
  });
});
