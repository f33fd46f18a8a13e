import { Moon, Sun } from 'lucide-react';
import { toggleTheme, useTheme } from './use-theme';

export function ThemeToggle() {
  const dark = useTheme() === 'dark';
  return (
    <button
      type="button"
      className="nf-button nf-button--ghost nf-button--icon"
      aria-label="Dark mode"
      aria-pressed={dark}
      title={dark ? 'Switch to light mode' : 'Switch to dark mode'}
      onClick={toggleTheme}
    >
      {dark ? <Moon aria-hidden /> : <Sun aria-hidden />}
    </button>
  );
}
