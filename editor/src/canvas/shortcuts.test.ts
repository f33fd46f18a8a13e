import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcutFor', () => {
  it.each([
    ['Ctrl+Z', press('z', { ctrlKey: true }), 'undo'],
    ['Cmd+Z', press('z', { metaKey: true }), 'undo'],
    ['Ctrl+Shift+Z', press('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    ['Cmd+Shift+Z', press('z', { metaKey: true, shiftKey: true }), 'redo'],
    ['Ctrl+Y', press('y', { ctrlKey: true }), 'redo'],
    ['Ctrl+A', press('a', { ctrlKey: true }), 'selectAll'],
    ['Delete', press('Delete'), 'delete'],
    ['Backspace', press('Backspace'), 'delete'],
    ['Shift+1', press('!', { shiftKey: true, code: 'Digit1' }), 'fitView'],
    ['?', press('?', { shiftKey: true, code: 'Slash' }), 'help'],
    ['Escape', press('Escape'), 'deselect'],
  ] as const)('%s', (_name, key, action) => {
    expect(shortcutFor(key)).toBe(action);
  });

  it.each([
    ['Ctrl+C (the clipboard events handle it)', press('c', { ctrlKey: true })],
    ['a plain letter', press('z')],
    ['Alt+Z', press('z', { ctrlKey: true, altKey: true })],
    ['Cmd+Y', press('y', { metaKey: true })],
  ])('ignores %s', (_name, key) => {
    expect(shortcutFor(key)).toBeUndefined();
  });
});
