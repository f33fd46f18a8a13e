import { createContext, useContext, type Context } from 'react';
import { useStore, type StoreApi } from 'zustand';

export interface StoreContext<S> {
  Context: Context<StoreApi<S> | undefined>;
  /** The store of the provider above; throws without one. */
  useApi(): StoreApi<S>;
  /** A slice of that store. */
  use<T>(selector: (state: S) => T): T;
  /** A slice of that store, or of an idle one when no provider is above (the canvas drawn outside the editor page). */
  useOptional<T>(selector: (state: S) => T): T;
}

/** A React context carrying one zustand store per provider (a session of the open flow), with its hooks. */
export function storeContext<S>(name: string, create: () => StoreApi<S>): StoreContext<S> {
  const StoreContext = createContext<StoreApi<S> | undefined>(undefined);
  const idle = create();
  const useApi = () => {
    const store = useContext(StoreContext);
    if (!store) throw new Error(`${name} needs its provider above it`);
    return store;
  };
  return {
    Context: StoreContext,
    useApi,
    use: (selector) => useStore(useApi(), selector),
    useOptional: (selector) => useStore(useContext(StoreContext) ?? idle, selector),
  };
}
