/** What a key press on the canvas asks for. Pure, so the mapping is easy to read and test. */
export type ShortcutAction = 'undo' | 'redo' | 'selectAll' | 'delete' | 'fitView' | 'help' | 'deselect';

export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function shortcutFor(press: KeyPress): ShortcutAction | undefined {
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  if (press.altKey) return undefined;
  if (mod && key === 'z') return press.shiftKey ? 'redo' : 'undo';
  if (press.ctrlKey && !press.shiftKey && key === 'y') return 'redo';
  if (mod && !press.shiftKey && key === 'a') return 'selectAll';
  if (mod) return undefined;
  if (key === 'delete' || key === 'backspace') return 'delete';
  // Shift+1 by physical key, whatever character the layout puts there.
  if (press.shiftKey && press.code === 'Digit1') return 'fitView';
  if (key === '?') return 'help';
  if (key === 'escape') return 'deselect';
  return undefined;
}

/** The list the "?" dialog shows. */
export const shortcutList: { keys: string; does: string }[] = [
  { keys: 'Ctrl/⌘ Z', does: 'Undo' },
  { keys: 'Ctrl/⌘ Shift Z, Ctrl Y', does: 'Redo' },
  { keys: 'Ctrl/⌘ C / X / V', does: 'Copy, cut, paste the selected nodes' },
  { keys: 'Ctrl/⌘ A', does: 'Select everything' },
  { keys: 'Ctrl/⌘ click, Shift drag', does: 'Select several nodes' },
  { keys: 'Delete, Backspace', does: 'Delete the selection' },
  { keys: 'Tab, Enter', does: 'Move to a node, select it' },
  { keys: 'Arrow keys', does: 'Move the selected nodes' },
  { keys: 'Shift 1', does: 'Fit the flow in view' },
  { keys: 'Escape', does: 'Clear the selection' },
  { keys: '?', does: 'Show these shortcuts' },
];

/** Typing in a field must not delete nodes or undo the flow. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}
