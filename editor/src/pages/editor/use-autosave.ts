import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useApi } from '../../app/api-context';
import { useFlowStoreApi } from '../../store/flow-store';
import { createAutosaver, type Autosaver, type SaveState } from './autosave';

/** Autosave of the open flow's draft, its state for the toolbar, and the guard against closing the tab with unsaved edits. */
export function useAutosave(flowId: string): { autosaver: Autosaver; saveState: SaveState } {
  const api = useApi();
  const store = useFlowStoreApi();
  const autosaver = useMemo(
    () =>
      createAutosaver(store, async (graph) => {
        await api.saveFlow(flowId, graph);
      }),
    [api, store, flowId],
  );
  useEffect(() => autosaver.attach(), [autosaver]);
  const saveState = useSyncExternalStore(autosaver.subscribe, autosaver.state);

  const dirty = saveState.kind !== 'saved';
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return { autosaver, saveState };
}
