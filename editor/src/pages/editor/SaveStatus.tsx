import { AlertCircle, Check, LoaderCircle } from 'lucide-react';
import type { SaveState } from './autosave';

export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'unsaved':
      return 'Unsaved changes';
    case 'failed':
      return `Save failed: ${state.message}`;
    default: {
      const unknown: never = state;
      return String(unknown);
    }
  }
}

/** Where the draft stands, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const icon =
    state.kind === 'saved' ? <Check aria-hidden /> : state.kind === 'saving' ? <LoaderCircle className="nf-spin" aria-hidden /> : state.kind === 'failed' ? <AlertCircle aria-hidden /> : null;
  return (
    <span className={`nf-save-status nf-save-status--${state.kind}`} role="status" title={state.kind === 'failed' ? state.message : undefined}>
      {icon}
      <span className="nf-save-status__text">{saveStateText(state)}</span>
    </span>
  );
}
