import type { FlowGraph } from '@nudgeflow/shared';

export type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/** The slice of the document store autosave needs (the real one is the zustand flow store). */
export interface SavableDoc {
  getState(): { graph: FlowGraph; savedGraph: FlowGraph; markSaved(graph: FlowGraph): void };
  subscribe(listener: (state: { graph: FlowGraph; savedGraph: FlowGraph }, previous: { graph: FlowGraph; savedGraph: FlowGraph }) => void): () => void;
}

export interface Autosaver {
  state(): SaveState;
  /** For useSyncExternalStore: called on every change of state(). */
  subscribe(listener: () => void): () => void;
  /** Starts following the document; the returned detach stops, saving what is still unsaved. */
  attach(): () => void;
  /** Saves now (after a save in flight); true when the draft on the server is the current graph. */
  flush(): Promise<boolean>;
}

export const AUTOSAVE_DELAY_MS = 1000;

/**
 * Saves the draft a second after the last change. A save sends the graph of that moment and then
 * marks exactly that graph saved, so edits made while it is in flight stay unsaved and go in the
 * next save; only one save runs at a time, so the server never gets an older graph after a newer one.
 */
export function createAutosaver(doc: SavableDoc, save: (graph: FlowGraph) => Promise<void>, delayMs = AUTOSAVE_DELAY_MS): Autosaver {
  const unsaved = () => doc.getState().graph !== doc.getState().savedGraph;
  let state: SaveState = unsaved() ? { kind: 'unsaved' } : { kind: 'saved' };
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  // A save was asked for while one was running: run it as soon as that one ends.
  let again = false;

  const set = (next: SaveState) => {
    if (next.kind === state.kind && (next.kind !== 'failed' || (state.kind === 'failed' && state.message === next.message))) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const schedule = () => {
    cancelTimer();
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, delayMs);
  };

  function run(): Promise<void> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    if (!unsaved()) {
      set({ kind: 'saved' });
      return Promise.resolve();
    }
    const graph = doc.getState().graph;
    set({ kind: 'saving' });
    inFlight = save(graph).then(
      () => {
        inFlight = undefined;
        doc.getState().markSaved(graph);
        if (!unsaved()) return set({ kind: 'saved' });
        set({ kind: 'unsaved' });
        if (again) {
          again = false;
          cancelTimer();
          void run();
        } else if (timer === undefined) schedule();
      },
      (error: unknown) => {
        inFlight = undefined;
        again = false;
        set({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return inFlight;
  }

  async function flush(): Promise<boolean> {
    cancelTimer();
    while (inFlight) await inFlight;
    if (unsaved()) await run();
    return !unsaved();
  }

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attach() {
      const stop = doc.subscribe((next, previous) => {
        if (next.graph === previous.graph && next.savedGraph === previous.savedGraph) return;
        if (!unsaved()) {
          // Undone back to what the server has: nothing to save.
          cancelTimer();
          if (!inFlight) set({ kind: 'saved' });
          return;
        }
        if (next.graph === previous.graph) return;
        if (!inFlight) set({ kind: 'unsaved' });
        schedule();
      });
      return () => {
        stop();
        // Leaving the page (back button, another flow): what is unsaved still goes to the server.
        if (timer !== undefined || unsaved()) void flush();
      };
    },
    flush,
  };
}
