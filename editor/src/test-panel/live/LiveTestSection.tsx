import { knownEventTypes, type ScenarioInput } from '@nudgeflow/shared';
import { CircleStop, CreditCard, Play, Send } from 'lucide-react';
import { useId, useState } from 'react';
import { DEFAULT_TIME_SCALE, deliverTo, realDuration, timeScaleOptions } from './live-options';
import type { LiveTest } from './use-live-test';

/** The live test's settings; kept by the panel, so they survive the section moving up while a run is shown. */
export interface LiveTestSettings {
  timeScale: number;
  email: string;
  phone: string;
}

export const defaultLiveTestSettings: LiveTestSettings = { timeScale: DEFAULT_TIME_SCALE, email: '', phone: '' };

export interface LiveTestSectionProps {
  live: LiveTest;
  settings: LiveTestSettings;
  onSettings(settings: LiveTestSettings): void;
  /** The scenario to run (events switched off left out); undefined while the JSON is invalid. */
  scenario: ScenarioInput | undefined;
  /** How much flow time the scenario covers, for the duration hint. */
  horizonSeconds: number | undefined;
  /** The draft has errors: the server would refuse it. */
  blocked: boolean;
}

/** The same sample as a real run on the worker, on a compressed clock; then events and cancel while it runs. */
export function LiveTestSection({ live, settings, onSettings, scenario, horizonSeconds, blocked }: LiveTestSectionProps) {
  const { timeScale, email, phone } = settings;
  const id = useId();
  const running = live.run?.status === 'running';

  const start = () => {
    if (!scenario) return;
    const to = deliverTo(email, phone);
    void live.start({ events: scenario, timeScale, ...(to ? { deliverTo: to } : {}) });
  };

  return (
    <section className="nf-side-section" aria-label="Live test">
      <h3>Live test</h3>
      {running ? (
        <RunningControls live={live} />
      ) : (
        <>
          <p className="nf-hint">Runs the saved draft on the real worker as a test: its messages go to Messages (or to you), it counts in no stats.</p>
          <div className="nf-field">
            <label className="nf-label" htmlFor={`${id}-scale`}>
              Time compression
            </label>
            <select id={`${id}-scale`} className="nf-select" value={timeScale} onChange={(e) => onSettings({ ...settings, timeScale: Number(e.target.value) })}>
              {timeScaleOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {horizonSeconds !== undefined ? <span className="nf-hint">The whole scenario takes {realDuration(horizonSeconds, timeScale)}.</span> : null}
          </div>
          <fieldset className="nf-test-deliver">
            <legend className="nf-label">Send messages to (optional)</legend>
            <div className="nf-field">
              <label htmlFor={`${id}-email`}>Your email</label>
              <input id={`${id}-email`} className="nf-input" type="email" autoComplete="email" value={email} onChange={(e) => onSettings({ ...settings, email: e.target.value })} />
            </div>
            <div className="nf-field">
              <label htmlFor={`${id}-phone`}>Your phone</label>
              <input id={`${id}-phone`} className="nf-input" type="tel" autoComplete="tel" value={phone} onChange={(e) => onSettings({ ...settings, phone: e.target.value })} />
            </div>
          </fieldset>
          <div className="nf-test-actions">
            <button type="button" className="nf-button nf-button--primary" disabled={!scenario || blocked || live.busy} onClick={start}>
              <Play aria-hidden />
              Start live test
            </button>
            {live.run ? (
              <button type="button" className="nf-button" onClick={live.dismiss}>
                Back to the simulation
              </button>
            ) : null}
          </div>
        </>
      )}
      {live.error ? (
        <p className="nf-error-text" role="alert">
          {live.error}
        </p>
      ) : null}
    </section>
  );
}

function RunningControls({ live }: { live: LiveTest }) {
  const [type, setType] = useState('order.paid');
  const id = useId();
  return (
    <>
      <p className="nf-test-live-status" role="status">
        <span className="nf-test-live-status__dot" aria-hidden />
        Running at {timeScaleOptions.find((o) => o.value === live.run?.timeScale)?.label ?? `${live.run?.timeScale ?? ''}× speed`}
      </p>
      <div className="nf-test-actions">
        <button type="button" className="nf-button" disabled={live.busy} onClick={() => void live.sendEvent('order.paid')}>
          <CreditCard aria-hidden />
          Mark paid now
        </button>
        <button type="button" className="nf-button nf-button--danger" disabled={live.busy} onClick={() => void live.cancel()}>
          <CircleStop aria-hidden />
          Cancel test
        </button>
      </div>
      <div className="nf-test-send-event">
        <div className="nf-field">
          <label className="nf-label" htmlFor={`${id}-event`}>
            Event to send
          </label>
          <select id={`${id}-event`} className="nf-select" value={type} onChange={(e) => setType(e.target.value)}>
            {knownEventTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="nf-button" disabled={live.busy} onClick={() => void live.sendEvent(type)}>
          <Send aria-hidden />
          Send event
        </button>
      </div>
    </>
  );
}
