import { useState } from 'react';

/**
 * Text typed into a box that edits a value ("1." for a number, "a, " for a list): the box keeps
 * the text while it still means the value held, and shows the value's own text otherwise (after
 * undo, or once focus leaves).
 */
export function useDraft<T>(value: T, format: (value: T) => string, parse: (text: string) => T, same: (a: T, b: T) => boolean = Object.is) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft !== null && same(parse(draft), value) ? draft : format(value);
  return {
    text,
    /** Remembers the text and returns the value it means. */
    edit(next: string): T {
      setDraft(next);
      return parse(next);
    },
    reset(): void {
      setDraft(null);
    },
  };
}
