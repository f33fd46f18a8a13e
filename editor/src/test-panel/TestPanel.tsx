import type { Scenario } from '@nudgeflow/shared';
import { useEffect, useMemo, useState } from 'react';
import { SidePanel } from '../app/SidePanel';
import { useFlowStore } from '../store/flow-store';
import { defaultLiveTestSettings, LiveTestSection } from './live/LiveTestSection';
import { useLiveTest } from './live/use-live-test';
import { pathOverlay } from './overlay/path-overlay';
import { ScenarioSection } from './panel/ScenarioSection';
import { ScriptedEventsSection } from './panel/ScriptedEventsSection';
import { TestResult } from './panel/TestResult';
import { checkScenarioText } from './scenario/scenario-document';
import { enabledScenario } from './scenario/scripted-events';
import { useTestSession, useTestSessionApi } from './session/test-session-context';
import { useSimulation } from './simulate/use-simulation';
import type { PreviewSample } from '../inspector/email/preview-api';

/** The contact and the first order of the scenario: what its emails are previewed for. */
function previewSample(scenario: Scenario): PreviewSample {
  const order = scenario.events.find((e) => e.order)?.order;
  return { contact: scenario.contact, ...(order ? { order } : {}) };
}

export interface TestPanelProps {
  flowId: string;
  saveDraft(): Promise<boolean>;
}

/**
 * The "Test flow" side panel: a sample, its events, the simulation of the draft as it is edited,
 * and a live test on the worker. What ran is drawn on the canvas through the session's overlay.
 */
export default function TestPanel({ flowId, saveDraft }: TestPanelProps) {
  const session = useTestSessionApi();
  const text = useTestSession((s) => s.scenarioText);
  const disabled = useTestSession((s) => s.disabledEvents);
  const graph = useFlowStore((s) => s.graph);
  const check = useMemo(() => checkScenarioText(text), [text]);
  const scenario = useMemo(() => (check.ok ? enabledScenario(check.scenario, check.doc, disabled) : undefined), [check, disabled]);
  const sample = useMemo(() => (check.ok ? previewSample(check.scenario) : {}), [check]);
  const simulation = useSimulation(scenario);
  const live = useLiveTest(flowId, saveDraft);
  const [liveSettings, setLiveSettings] = useState(defaultLiveTestSettings);

  // The canvas shows the live run while there is one, else the simulation.
  const simulated = simulation.kind === 'done' ? simulation : undefined;
  const overlayGraph = live.run ? graph : simulated?.graph;
  const shown = live.run ?? simulated?.result;
  useEffect(() => {
    session.getState().showOverlay(shown && overlayGraph ? pathOverlay(overlayGraph, shown) : undefined);
  }, [session, shown, overlayGraph]);

  const liveSection = (
    <LiveTestSection
      live={live}
      settings={liveSettings}
      onSettings={setLiveSettings}
      scenario={scenario}
      horizonSeconds={check.ok ? check.scenario.horizonSeconds : undefined}
      blocked={simulation.kind === 'blocked'}
    />
  );

  // A live run's controls (mark paid, cancel) sit above its timeline; otherwise the simulation comes first.
  return (
    <SidePanel title="Test flow" closeLabel="Close the test panel" onClose={() => session.getState().closePanel()} className="nf-test-panel">
      <ScenarioSection check={check} />
      <ScriptedEventsSection doc={check.ok ? check.doc : undefined} />
      {live.run ? liveSection : null}
      <TestResult simulation={simulation} live={live.run} scenarioReady={check.ok} sample={sample} graph={graph} />
      {live.run ? null : liveSection}
    </SidePanel>
  );
}
