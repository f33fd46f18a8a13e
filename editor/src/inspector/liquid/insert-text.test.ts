import { describe, expect, it } from 'vitest';
import { insertText, lineNumbers } from './insert-text';

describe('insertText', () => {
  it('inserts at the caret and puts the caret after the insertion', () => {
    expect(insertText('Hi , welcome', 3, 3, '{{ contact.firstName }}')).toEqual({ text: 'Hi {{ contact.firstName }}, welcome', caret: 26 });
  });

  it('replaces the selection', () => {
    expect(insertText('Hi NAME!', 3, 7, '{{ contact.firstName }}')).toEqual({ text: 'Hi {{ contact.firstName }}!', caret: 26 });
  });

  it('clamps a caret past the end', () => {
    expect(insertText('Hi', 10, 12, '!')).toEqual({ text: 'Hi!', caret: 3 });
  });
});

describe('lineNumbers', () => {
  it('numbers every line, the empty last one too', () => {
    expect(lineNumbers('a\nb\n')).toEqual([1, 2, 3]);
    expect(lineNumbers('')).toEqual([1]);
  });
});
