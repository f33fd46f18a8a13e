import { describe, expect, it } from 'vitest';
import { findPreset } from '../scenario/presets';
import { scenarioText } from '../scenario/scenario-document';
import { createTestSessionStore, isPresetText } from './test-session-store';

const overlay = { nodes: { a: { state: 'reached' as const, reachedAt: 0, lastAt: 0, outcome: 'started' } }, edges: new Set(['e1']) };

describe('the test session store', () => {
  it('starts closed with the unpaid bank-transfer order', () => {
    const state = createTestSessionStore().getState();
    expect(state.open).toBe(false);
    expect(state.scenarioText).toBe(scenarioText(findPreset('unpaid-transfer')?.document));
    expect(isPresetText(state)).toBe(true);
  });

  it('keeps edited text, and a preset replaces it and switches every event back on', () => {
    const store = createTestSessionStore();
    store.getState().setScenarioText('{ "contact": ');
    store.getState().toggleEvent('order.created@0#0');
    expect(isPresetText(store.getState())).toBe(false);
    expect([...store.getState().disabledEvents]).toEqual(['order.created@0#0']);
    store.getState().choosePreset('abandoned-cart');
    expect(store.getState()).toMatchObject({ presetId: 'abandoned-cart', scenarioText: scenarioText(findPreset('abandoned-cart')?.document) });
    expect(store.getState().disabledEvents.size).toBe(0);
    store.getState().choosePreset('no-such-preset');
    expect(store.getState().presetId).toBe('abandoned-cart');
  });

  it('toggles an event off and on again', () => {
    const store = createTestSessionStore();
    const before = store.getState().disabledEvents;
    store.getState().toggleEvent('order.paid@7200#0');
    store.getState().toggleEvent('order.paid@7200#0');
    expect(store.getState().disabledEvents.size).toBe(0);
    expect(before.size).toBe(0);
  });

  it('drops the highlight when the panel closes, and keeps the scenario', () => {
    const store = createTestSessionStore();
    store.getState().openPanel();
    store.getState().setScenarioText('{}');
    store.getState().showOverlay(overlay);
    expect(store.getState().overlay).toBe(overlay);
    store.getState().closePanel();
    expect(store.getState()).toMatchObject({ open: false, overlay: undefined, scenarioText: '{}' });
  });
});
