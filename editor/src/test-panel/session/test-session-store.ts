import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PathOverlay } from '../overlay/path-overlay';
import { DEFAULT_PRESET_ID, findPreset } from '../scenario/presets';
import { scenarioText } from '../scenario/scenario-document';

/**
 * The test panel of one open flow: the scenario being tried and the path the canvas shows. Kept
 * apart from the flow's document store: a test never changes the graph, undo never sees it.
 */
export interface TestSessionState {
  open: boolean;
  /** The preset the scenario started from; its text may have been edited since. */
  presetId: string;
  /** The "Scenario JSON" editor's text: the one source of truth for the scenario, valid or not. */
  scenarioText: string;
  /** Keys (ScriptedEventView.key) of the events switched off in the timeline. */
  disabledEvents: ReadonlySet<string>;
  /** What the canvas highlights; undefined while nothing ran (or the panel is closed). */
  overlay: PathOverlay | undefined;
}

export interface TestSessionActions {
  openPanel(): void;
  /** Closes the panel; the canvas goes back to normal, the scenario is kept for next time. */
  closePanel(): void;
  choosePreset(id: string): void;
  setScenarioText(text: string): void;
  toggleEvent(key: string): void;
  showOverlay(overlay: PathOverlay | undefined): void;
}

export type TestSession = TestSessionState & TestSessionActions;
export type TestSessionApi = StoreApi<TestSession>;

function presetText(id: string): string {
  const preset = findPreset(id);
  return preset ? scenarioText(preset.document) : '';
}

export function createTestSessionStore(): TestSessionApi {
  return createStore<TestSession>()((set) => ({
    open: false,
    presetId: DEFAULT_PRESET_ID,
    scenarioText: presetText(DEFAULT_PRESET_ID),
    disabledEvents: new Set(),
    overlay: undefined,
    openPanel: () => set({ open: true }),
    closePanel: () => set({ open: false, overlay: undefined }),
    choosePreset: (id) => {
      if (!findPreset(id)) return;
      set({ presetId: id, scenarioText: presetText(id), disabledEvents: new Set() });
    },
    setScenarioText: (text) => set({ scenarioText: text }),
    toggleEvent: (key) =>
      set((s) => {
        const next = new Set(s.disabledEvents);
        if (!next.delete(key)) next.add(key);
        return { disabledEvents: next };
      }),
    showOverlay: (overlay) => set({ overlay }),
  }));
}

/** Whether the text still is the chosen preset's, as written. */
export function isPresetText(state: Pick<TestSessionState, 'presetId' | 'scenarioText'>): boolean {
  return state.scenarioText === presetText(state.presetId);
}
