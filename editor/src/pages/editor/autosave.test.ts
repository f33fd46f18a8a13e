import type { FlowGraph } from '@nudgeflow/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { newFlowGraph } from '../flows/new-flow';
import { createAutosaver, type SaveState } from './autosave';

interface Doc {
  graph: FlowGraph;
  savedGraph: FlowGraph;
  markSaved(graph: FlowGraph): void;
}

function doc() {
  const initial = newFlowGraph();
  return createStore<Doc>()((set) => ({ graph: initial, savedGraph: initial, markSaved: (graph) => set({ savedGraph: graph }) }));
}

const renamed = (graph: FlowGraph, name: string): FlowGraph => ({ ...graph, name });

/** A save the test finishes by hand, recording what was sent. */
function manualSaves() {
  const sent: string[] = [];
  const pending: { resolve(): void; reject(error: Error): void }[] = [];
  const save = (graph: FlowGraph) =>
    new Promise<void>((resolve, reject) => {
      sent.push(graph.name);
      pending.push({ resolve, reject });
    });
  return { sent, pending, save };
}

/** A document with an attached autosaver whose saves the test finishes by hand. */
function attachedDoc() {
  const store = doc();
  const saves = manualSaves();
  const autosaver = createAutosaver(store, saves.save);
  const detach = autosaver.attach();
  return { store, saves, autosaver, detach };
}

/** An edit: renames the document's graph. */
const rename = (store: ReturnType<typeof doc>, name: string) => store.setState({ graph: renamed(store.getState().graph, name) });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves a second after the last change, then marks that graph saved', async () => {
    const { store, saves, autosaver } = attachedDoc();
    const states: SaveState['kind'][] = [];
    autosaver.subscribe(() => states.push(autosaver.state().kind));

    rename(store, 'A');
    await vi.advanceTimersByTimeAsync(600);
    rename(store, 'AB');
    await vi.advanceTimersByTimeAsync(999);
    expect(saves.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves.sent).toEqual(['AB']);

    saves.pending[0]?.resolve();
    await vi.runAllTimersAsync();
    expect(store.getState().savedGraph).toBe(store.getState().graph);
    expect(states).toEqual(['unsaved', 'saving', 'saved']);
  });

  it('keeps edits made while a save is in flight and sends them next', async () => {
    const { store, saves, autosaver } = attachedDoc();

    rename(store, 'first');
    await vi.advanceTimersByTimeAsync(1000);
    const first = store.getState().graph;
    store.setState({ graph: renamed(first, 'second') });
    saves.pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);

    expect(store.getState().savedGraph).toBe(first);
    expect(autosaver.state()).toEqual({ kind: 'unsaved' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.sent).toEqual(['first', 'second']);
    saves.pending[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().savedGraph).toBe(store.getState().graph);
    expect(autosaver.state()).toEqual({ kind: 'saved' });
  });

  it('never runs two saves at once', async () => {
    const { store, saves } = attachedDoc();

    rename(store, 'one');
    await vi.advanceTimersByTimeAsync(1000);
    rename(store, 'two');
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves.sent).toEqual(['one']);
    saves.pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves.sent).toEqual(['one', 'two']);
  });

  it('shows a failed save with the server message and tries again on the next change', async () => {
    const { store, saves, autosaver } = attachedDoc();

    rename(store, 'x');
    await vi.advanceTimersByTimeAsync(1000);
    saves.pending[0]?.reject(new Error('name: must not be empty'));
    await vi.advanceTimersByTimeAsync(0);
    expect(autosaver.state()).toEqual({ kind: 'failed', message: 'name: must not be empty' });
    expect(store.getState().savedGraph).not.toBe(store.getState().graph);

    rename(store, 'xy');
    expect(autosaver.state()).toEqual({ kind: 'unsaved' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.sent).toEqual(['x', 'xy']);
  });

  it('flush saves at once and waits for a save in flight', async () => {
    const { store, saves, autosaver } = attachedDoc();

    rename(store, 'one');
    await vi.advanceTimersByTimeAsync(1000);
    rename(store, 'two');
    let done: boolean | undefined;
    void autosaver.flush().then((saved) => (done = saved));
    saves.pending[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves.sent).toEqual(['one', 'two']);
    expect(done).toBeUndefined();
    saves.pending[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('flush answers false when the save fails', async () => {
    const store = doc();
    const autosaver = createAutosaver(store, () => Promise.reject(new Error('the Nudgeflow server did not answer')));
    autosaver.attach();
    rename(store, 'x');
    await expect(autosaver.flush()).resolves.toBe(false);
    expect(autosaver.state()).toEqual({ kind: 'failed', message: 'the Nudgeflow server did not answer' });
  });

  it('has nothing to save after undoing back to the saved graph', async () => {
    const { store, saves, autosaver } = attachedDoc();
    const saved = store.getState().graph;
    store.setState({ graph: renamed(saved, 'changed') });
    store.setState({ graph: saved });
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves.sent).toEqual([]);
    expect(autosaver.state()).toEqual({ kind: 'saved' });
  });

  it('saves what is unsaved when detached (leaving the page)', async () => {
    const { store, saves, detach } = attachedDoc();
    rename(store, 'left');
    detach();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves.sent).toEqual(['left']);
  });
});
