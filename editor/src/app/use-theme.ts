import { useSyncExternalStore } from 'react';
import { applyTheme, onSystemThemeChange, resolveTheme, saveThemeChoice, savedThemeChoice, systemPrefersDark, type ThemeChoice } from './theme';

/*
 * One theme for the whole page (the login screen and the header share it), kept outside React so
 * <html data-theme> is set before the first render and every toggle sees the same state.
 */
let choice: ThemeChoice | undefined;
const listeners = new Set<() => void>();

const currentTheme = (): ThemeChoice => resolveTheme(choice, systemPrefersDark());

function changed(): void {
  applyTheme(currentTheme());
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads the saved choice, applies the theme and follows the system preference from now on. */
export function startTheme(): void {
  choice = savedThemeChoice();
  applyTheme(currentTheme());
  onSystemThemeChange(changed);
}

/** Switches to the other theme and remembers it as the person's choice. */
export function toggleTheme(): void {
  choice = currentTheme() === 'dark' ? 'light' : 'dark';
  saveThemeChoice(choice);
  changed();
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(subscribe, currentTheme);
}
