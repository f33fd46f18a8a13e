import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './hash-route';

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

const currentHash = () => window.location.hash;

/** The page the URL hash names; re-renders on every hash change (links, back, forward). */
export function useHashRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}
