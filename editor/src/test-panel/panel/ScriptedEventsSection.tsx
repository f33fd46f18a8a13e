import { eventTypeSchema, knownEventTypes } from '@nudgeflow/shared';
import { Plus, X } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { ScenarioDoc } from '../scenario/scenario-document';
import { scenarioText } from '../scenario/scenario-document';
import { addScriptedEvent, offsetSeconds, offsetUnits, removeScriptedEvent, scriptedEvents, type OffsetUnit } from '../scenario/scripted-events';
import { useTestSession, useTestSessionApi } from '../session/test-session-context';

/**
 * The scenario's events on a timeline: each can be switched off (the test runs without it, the
 * JSON keeps it), removed, or a new one added ("order.paid" after 2 hours). Adding and removing
 * edit the JSON, the one place the scenario lives.
 */
export function ScriptedEventsSection({ doc }: { doc: ScenarioDoc | undefined }) {
  const session = useTestSessionApi();
  const disabled = useTestSession((s) => s.disabledEvents);
  const events = doc ? scriptedEvents(doc) : [];
  const write = (next: ScenarioDoc) => session.getState().setScenarioText(scenarioText(next));

  return (
    <section className="nf-side-section" aria-label="Events">
      <h3>Events</h3>
      {!doc ? (
        <p className="nf-hint">Fix the scenario JSON to change its events.</p>
      ) : events.length === 0 ? (
        <p className="nf-hint">No events: only a date or inactivity trigger can start the flow.</p>
      ) : (
        <ul className="nf-test-events">
          {events.map((event) => (
            <li key={event.key} className="nf-test-events__item">
              <label className="nf-checkbox">
                <input type="checkbox" checked={!disabled.has(event.key)} onChange={() => session.getState().toggleEvent(event.key)} />
                <span>{event.label}</span>
              </label>
              <button type="button" className="nf-button nf-button--ghost nf-button--icon nf-button--small" aria-label={`Remove ${event.label}`} title="Remove" onClick={() => write(removeScriptedEvent(doc, event.index))}>
                <X aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      {doc ? <AddEventForm onAdd={(type, atSeconds) => write(addScriptedEvent(doc, type, atSeconds))} /> : null}
    </section>
  );
}

function AddEventForm({ onAdd }: { onAdd(type: string, atSeconds: number): void }) {
  const [type, setType] = useState('order.paid');
  const [amount, setAmount] = useState('2');
  const [unit, setUnit] = useState<OffsetUnit>('hours');
  const [problem, setProblem] = useState<string>();
  const id = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = eventTypeSchema.safeParse(type.trim());
    const after = Number(amount);
    if (!name.success) return setProblem(name.error.issues[0]?.message ?? 'not an event name');
    if (amount.trim() === '' || !Number.isFinite(after) || after < 0) return setProblem('"After" is a number of minutes, hours or days, 0 or more');
    setProblem(undefined);
    onAdd(name.data, offsetSeconds(after, unit));
  };

  return (
    <form className="nf-test-add-event" onSubmit={submit} aria-label="Add an event">
      <div className="nf-field nf-test-add-event__type">
        <label className="nf-label" htmlFor={`${id}-type`}>
          Event type
        </label>
        <input id={`${id}-type`} className="nf-input" list={`${id}-types`} value={type} aria-invalid={problem !== undefined} onChange={(e) => setType(e.target.value)} />
        <datalist id={`${id}-types`}>
          {knownEventTypes.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <div className="nf-field nf-test-add-event__after">
        <label className="nf-label" htmlFor={`${id}-after`}>
          After
        </label>
        <input id={`${id}-after`} className="nf-input" type="number" min={0} step="any" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </div>
      <div className="nf-field nf-test-add-event__unit">
        <label className="nf-label" htmlFor={`${id}-unit`}>
          Unit
        </label>
        <select id={`${id}-unit`} className="nf-select" value={unit} onChange={(e) => setUnit(e.target.value as OffsetUnit)}>
          {offsetUnits.map((u) => (
            <option key={u.id} value={u.id}>
              {u.id}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="nf-button nf-test-add-event__submit">
        <Plus aria-hidden />
        Add event
      </button>
      {problem ? (
        <p className="nf-error-text nf-test-add-event__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
