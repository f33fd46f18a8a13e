import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { FlowStoreApi } from './create-flow-store';
import type { FlowDocStore } from './types';

export { createFlowStore, emptyGraph, PASTE_OFFSET, type FlowStoreApi, type FlowStoreOptions } from './create-flow-store';
export { fragmentFromText, fragmentToText, type Fragment } from './clipboard';
export { nodeConfigView, nodeOutputs, type NodeConfigView } from './node-outputs';

const FlowStoreContext = createContext<FlowStoreApi | undefined>(undefined);

/** Makes one flow's document store available to the editor page below it. */
export function FlowStoreProvider({ store, children }: { store: FlowStoreApi; children: ReactNode }) {
  return createElement(FlowStoreContext.Provider, { value: store }, children);
}

/** The store itself, for actions and `getState()` in event handlers (no re-render on change). */
export function useFlowStoreApi(): FlowStoreApi {
  const store = useContext(FlowStoreContext);
  if (!store) throw new Error('useFlowStoreApi() needs a <FlowStoreProvider> above it');
  return store;
}

/** Remembers the last result and returns it again while `equal` says nothing changed. */
function keepEqual<T>(equal: (a: T, b: T) => boolean): (next: T) => T {
  let previous: { value: T } | undefined;
  return (next) => {
    if (previous && equal(previous.value, next)) return previous.value;
    previous = { value: next };
    return next;
  };
}

/**
 * A narrow slice of the document; the component re-renders only when it changes. Pass an
 * equality function (e.g. zustand's `shallow`) for selectors that build new arrays or objects.
 */
export function useFlowStore<T>(selector: (state: FlowDocStore) => T, equalityFn?: (a: T, b: T) => boolean): T {
  const store = useFlowStoreApi();
  const keep = useMemo(() => (equalityFn ? keepEqual(equalityFn) : undefined), [equalityFn]);
  return useStore(store, keep ? (state) => keep(selector(state)) : selector);
}
