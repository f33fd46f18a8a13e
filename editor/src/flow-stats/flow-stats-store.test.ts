import { describe, expect, it } from 'vitest';
import { createFlowStatsStore, shownStats } from './flow-stats-store';
import { flowStatsPath } from './stats-api';
import { monthOfStats } from './test-fixtures';

describe('the stats store', () => {
  it('starts closed on the last 30 days, and opening asks for a load', () => {
    const store = createFlowStatsStore();
    expect(store.getState()).toMatchObject({ open: false, days: 30, attempt: 0, view: { kind: 'idle' } });
    store.getState().openPanel();
    expect(store.getState()).toMatchObject({ open: true, attempt: 1, view: { kind: 'loading' } });
    expect(shownStats(store.getState())).toBeUndefined();
  });

  it('shows what arrived, with its nodes by id', () => {
    const store = createFlowStatsStore();
    store.getState().openPanel();
    const stats = monthOfStats();
    store.getState().loaded(30, stats);
    const shown = shownStats(store.getState());
    expect(shown?.stats).toBe(stats);
    expect(shown?.byNode.get('wait_paid')).toEqual({ nodeId: 'wait_paid', reached: 812, waitingNow: 5, outcomes: { event: 800, timeout: 7 } });
  });

  it('keeps the numbers on screen while Refresh loads them again, but not across periods', () => {
    const store = createFlowStatsStore();
    store.getState().openPanel();
    const stats = monthOfStats();
    store.getState().loaded(30, stats);
    store.getState().refresh();
    expect(store.getState().attempt).toBe(2);
    expect(store.getState().view.kind).toBe('loading');
    expect(shownStats(store.getState())?.stats).toBe(stats);
    store.getState().choosePeriod(7);
    expect(store.getState()).toMatchObject({ days: 7, attempt: 3, view: { kind: 'loading' } });
    expect(shownStats(store.getState())).toBeUndefined();
  });

  it('drops an answer for a period no longer chosen, and one that comes after closing', () => {
    const store = createFlowStatsStore();
    store.getState().openPanel();
    store.getState().choosePeriod(90);
    store.getState().loaded(30, monthOfStats());
    expect(store.getState().view.kind).toBe('loading');
    store.getState().failed(90, 'the Nudgeflow server did not answer');
    expect(store.getState().view).toEqual({ kind: 'failed', message: 'the Nudgeflow server did not answer' });
    store.getState().closePanel();
    store.getState().loaded(90, monthOfStats());
    expect(store.getState()).toMatchObject({ open: false, view: { kind: 'idle' } });
    expect(shownStats(store.getState())).toBeUndefined();
  });

  it('asks the API for the chosen period of the flow', () => {
    expect(flowStatsPath('flow/1', 7)).toBe('/api/flows/flow%2F1/stats?days=7');
  });
});
