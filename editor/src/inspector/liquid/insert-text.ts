/** A text after an edit, and where the caret goes. */
export interface TextEdit {
  text: string;
  caret: number;
}

/** Replaces the selection (or inserts at the caret) and puts the caret after the inserted text. */
export function insertText(text: string, start: number, end: number, insert: string): TextEdit {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}

export const INDENT = '  ';

/** 1-based line numbers of a text, for an editor's gutter. */
export function lineNumbers(text: string): number[] {
  return Array.from({ length: text.split('\n').length }, (_, i) => i + 1);
}
