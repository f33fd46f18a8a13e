/** The theme a person chose; without a choice the system's preference decides. */
export type ThemeChoice = 'light' | 'dark';

const storageKey = 'nudgeflow.theme';
const darkQuery = '(prefers-color-scheme: dark)';

export function parseThemeChoice(saved: string | null): ThemeChoice | undefined {
  return saved === 'light' || saved === 'dark' ? saved : undefined;
}

export function resolveTheme(choice: ThemeChoice | undefined, systemPrefersDark: boolean): ThemeChoice {
  return choice ?? (systemPrefersDark ? 'dark' : 'light');
}

export function savedThemeChoice(): ThemeChoice | undefined {
  return parseThemeChoice(localStorage.getItem(storageKey));
}

export function saveThemeChoice(choice: ThemeChoice): void {
  localStorage.setItem(storageKey, choice);
}

export function systemPrefersDark(): boolean {
  return window.matchMedia(darkQuery).matches;
}

/** Calls back when the system preference changes; returns the unsubscribe. */
export function onSystemThemeChange(callback: () => void): () => void {
  const query = window.matchMedia(darkQuery);
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}

export function applyTheme(theme: ThemeChoice): void {
  document.documentElement.dataset.theme = theme;
}
