import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_STATS_DAYS, type FlowStats, type NodeStats, type StatsDays } from './stats-api';

/** Stats as they arrived, with their nodes by id for the canvas. */
export interface ShownStats {
  stats: FlowStats;
  byNode: ReadonlyMap<string, NodeStats>;
}

export type StatsView =
  | { kind: 'idle' }
  /** `stale`: what a Refresh replaces, shown until the new numbers are there. */
  | { kind: 'loading'; stale?: ShownStats }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; shown: ShownStats };

/**
 * The Stats panel of one open flow: whether it is open, the period, and the numbers the panel
 * and the canvas show. Apart from the document store: stats never change the graph or its undo.
 */
export interface FlowStatsState {
  open: boolean;
  days: StatsDays;
  /** Counts the loads asked for; the loader fetches again when it changes (Refresh). */
  attempt: number;
  view: StatsView;
}

export interface FlowStatsActions {
  openPanel(): void;
  /** Closes the panel; the canvas goes back to normal. */
  closePanel(): void;
  choosePeriod(days: StatsDays): void;
  /** Loads the same period again, keeping the old numbers on screen meanwhile. */
  refresh(): void;
  /** The answer for `days`; an answer for a period no longer chosen is dropped. */
  loaded(days: StatsDays, stats: FlowStats): void;
  failed(days: StatsDays, message: string): void;
}

export type FlowStatsSession = FlowStatsState & FlowStatsActions;
export type FlowStatsApi = StoreApi<FlowStatsSession>;

function shownOf(stats: FlowStats): ShownStats {
  return { stats, byNode: new Map(stats.nodes.map((n) => [n.nodeId, n])) };
}

/** The numbers on screen: the loaded ones, or the old ones while a Refresh loads. */
export function shownStats(state: Pick<FlowStatsState, 'open' | 'view'>): ShownStats | undefined {
  if (!state.open) return undefined;
  const { view } = state;
  switch (view.kind) {
    case 'ready':
      return view.shown;
    case 'loading':
      return view.stale;
    case 'idle':
    case 'failed':
      return undefined;
    default: {
      const unknown: never = view;
      return unknown;
    }
  }
}

export function createFlowStatsStore(): FlowStatsApi {
  return createStore<FlowStatsSession>()((set, get) => ({
    open: false,
    days: DEFAULT_STATS_DAYS,
    attempt: 0,
    view: { kind: 'idle' },
    // Opening always loads: the numbers of an hour ago are not the numbers now.
    openPanel: () => set((s) => (s.open ? s : { open: true, attempt: s.attempt + 1, view: { kind: 'loading' } })),
    closePanel: () => set({ open: false, view: { kind: 'idle' } }),
    choosePeriod: (days) => set((s) => (s.days === days ? s : { days, attempt: s.attempt + 1, view: { kind: 'loading' } })),
    refresh: () =>
      set((s) => {
        if (!s.open) return s;
        const stale = shownStats(s);
        return { attempt: s.attempt + 1, view: stale ? { kind: 'loading', stale } : { kind: 'loading' } };
      }),
    loaded: (days, stats) => {
      if (get().open && get().days === days) set({ view: { kind: 'ready', shown: shownOf(stats) } });
    },
    failed: (days, message) => {
      if (get().open && get().days === days) set({ view: { kind: 'failed', message } });
    },
  }));
}
