import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { fragmentFromText, fragmentToText, PASTE_OFFSET, useFlowStoreApi, type Fragment } from '../store/flow-store';
import { keepCanvasFocus } from './keep-focus';
import { isTypingTarget, shortcutFor } from './shortcuts';

/** The last thing copied here: pasting it again cascades each copy a step further. */
interface Copied {
  text: string;
  fragment: Fragment;
  pastes: number;
}

/**
 * Keyboard shortcuts and clipboard events while focus is inside the canvas. Copy and paste use
 * the browser's clipboard events, so the flow JSON reaches the system clipboard without asking
 * for a permission, and pasting works between tabs.
 */
export function useCanvasShortcuts(openHelp: () => void) {
  const store = useFlowStoreApi();
  const { fitView } = useReactFlow();
  const copied = useRef<Copied | undefined>(undefined);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const action = shortcutFor(event);
      if (!action) return;
      const state = store.getState();
      event.preventDefault();
      switch (action) {
        case 'undo':
          state.undo();
          break;
        case 'redo':
          state.redo();
          break;
        case 'selectAll':
          state.selectAll();
          break;
        case 'delete': {
          // A node focused with Tab but not selected is the one meant.
          const focused = event.target instanceof Element ? event.target.closest('.react-flow__node')?.getAttribute('data-id') : undefined;
          if (focused && !state.selection.nodeIds.includes(focused)) state.select({ nodeIds: [focused], edgeIds: [] });
          store.getState().deleteSelection();
          break;
        }
        case 'fitView':
          void fitView({ padding: 0.2, maxZoom: 1, duration: 200 });
          break;
        case 'help':
          openHelp();
          break;
        case 'deselect':
          state.select({ nodeIds: [], edgeIds: [] });
          break;
        default: {
          const unknown: never = action;
          throw new Error(`unhandled shortcut ${String(unknown)}`);
        }
      }
      keepCanvasFocus(event.currentTarget);
    },
    [store, fitView, openHelp],
  );

  const copy = useCallback(
    (event: ClipboardEvent): boolean => {
      if (isTypingTarget(event.target)) return false;
      const fragment = store.getState().copySelection();
      if (!fragment) return false;
      const text = fragmentToText(fragment);
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
      copied.current = { text, fragment, pastes: 0 };
      return true;
    },
    [store],
  );

  const onCopy = useCallback((event: ClipboardEvent) => void copy(event), [copy]);

  const onCut = useCallback(
    (event: ClipboardEvent) => {
      if (!copy(event)) return;
      store.getState().deleteSelection();
      keepCanvasFocus(event.currentTarget);
    },
    [copy, store],
  );

  const onPaste = useCallback(
    (event: ClipboardEvent) => {
      if (isTypingTarget(event.target)) return;
      const text = event.clipboardData.getData('text/plain');
      const last = copied.current;
      // Some browsers hide the clipboard from pages; then the copy made here is used.
      const fragment = fragmentFromText(text) ?? (text === '' ? last?.fragment : undefined);
      if (!fragment) return;
      event.preventDefault();
      const again = last && (text === last.text || text === '') ? last : undefined;
      const step = again ? again.pastes + 1 : 1;
      if (again) copied.current = { ...again, pastes: step };
      const left = Math.min(...fragment.nodes.map((n) => n.position.x));
      const top = Math.min(...fragment.nodes.map((n) => n.position.y));
      store.getState().paste(fragment, { x: left + PASTE_OFFSET.x * step, y: top + PASTE_OFFSET.y * step });
    },
    [store],
  );

  return { onKeyDown, onCopy, onCut, onPaste };
}
