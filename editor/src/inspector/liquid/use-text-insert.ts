import { useLayoutEffect, useRef, type RefObject } from 'react';
import { insertText } from './insert-text';

type TextControl = HTMLTextAreaElement | HTMLInputElement;

/**
 * Inserting into a controlled text box: the new text goes to `onChange`, and once it is rendered
 * the caret is put back right after the insertion (the box keeps focus).
 */
export function useTextInsert(ref: RefObject<TextControl | null>, text: string, onChange: (next: string) => void): (insert: string) => void {
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const control = ref.current;
    if (caret.current === null || !control) return;
    control.focus();
    control.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [ref, text]);
  return (insert) => {
    const control = ref.current;
    const edit = insertText(text, control?.selectionStart ?? text.length, control?.selectionEnd ?? text.length, insert);
    caret.current = edit.caret;
    onChange(edit.text);
  };
}
