import { useId } from 'react';
import { findPreset, scenarioPresets } from '../scenario/presets';
import type { ScenarioCheck } from '../scenario/scenario-document';
import { useTestSession, useTestSessionApi } from '../session/test-session-context';
import { isPresetText } from '../session/test-session-store';

/** The sample to test with: a preset, and its JSON to edit (checked as it is typed, never thrown away). */
export function ScenarioSection({ check }: { check: ScenarioCheck }) {
  const session = useTestSessionApi();
  const presetId = useTestSession((s) => s.presetId);
  const text = useTestSession((s) => s.scenarioText);
  const edited = useTestSession((s) => !isPresetText(s));
  const sampleId = useId();
  const jsonId = useId();
  const problemsId = useId();
  const preset = findPreset(presetId);

  return (
    <div className="nf-side-section">
      <div className="nf-field">
        <label className="nf-label" htmlFor={sampleId}>
          Sample
        </label>
        <select id={sampleId} className="nf-select" value={presetId} onChange={(e) => session.getState().choosePreset(e.target.value)}>
          {scenarioPresets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <span className="nf-hint">
          {preset?.description}
          {edited ? ' — edited' : ''}
        </span>
      </div>
      <details className="nf-test-json">
        <summary>Contact, order and events as JSON</summary>
        <div className="nf-field">
          <label className="nf-label" htmlFor={jsonId}>
            Scenario JSON
          </label>
          <textarea
            id={jsonId}
            className="nf-textarea nf-test-json__text"
            spellCheck={false}
            value={text}
            aria-invalid={!check.ok}
            aria-describedby={check.ok ? undefined : problemsId}
            onChange={(e) => session.getState().setScenarioText(e.target.value)}
          />
          <span className="nf-hint">The CLI's EVENTS.json format: contact, now, horizonSeconds, events with atSeconds, orders, codePools, webhookStatus, and checks (custom conditions' answers by node id: true, false or an output id).</span>
        </div>
      </details>
      {check.ok ? null : (
        <div id={problemsId} className="nf-test-problems" role="alert">
          <p>The scenario has {check.problems.length === 1 ? 'a problem' : `${check.problems.length} problems`}; the last good one is shown until it is fixed:</p>
          <ul>
            {check.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
