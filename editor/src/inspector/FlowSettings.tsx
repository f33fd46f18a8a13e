import type { FlowSettings as Settings, Problem } from '@nudgeflow/shared';
import { useId, useMemo, type ChangeEvent } from 'react';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store';
import { asRecord, withKey } from './form/config-edit';
import { controlPaths, placeProblems } from './form/control-paths';
import { ProblemList } from './form/Field';
import { FormEnvContext, type FormEnv } from './form/form-env';
import { SchemaField } from './form/SchemaField';
import { ReentryField } from './settings/ReentryField';
import { flowSettingsFormSchema } from './settings/settings-schema';

const prefix = 'settings.';

/** Graph-level problems: those about a setting by their path inside the settings, the rest for the top. */
function settingsProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .filter((p) => p.nodeId === undefined && p.edgeId === undefined)
    .map((p) => (p.field?.startsWith(prefix) ? { ...p, field: p.field.slice(prefix.length) } : { ...p, field: undefined }));
}

/** With nothing selected: the flow's name and its settings (re-entry, runs per order, exits, send window, cap, time zone). */
export function FlowSettings() {
  const store = useFlowStoreApi();
  const name = useFlowStore((s) => s.graph.name);
  const settings = useFlowStore((s) => s.graph.settings);
  const problems = useFlowStore((s) => s.problems);
  const nameId = useId();

  const placed = useMemo(() => placeProblems(settingsProblems(problems), ['reentry', 'reentry.afterSeconds', ...controlPaths(flowSettingsFormSchema, settings)]), [problems, settings]);
  const env = useMemo<FormEnv>(() => ({ problems: placed.byPath, variables: [], nodeChoices: new Map(), root: settings }), [placed, settings]);

  const update = (key: keyof Settings, next: unknown) => store.getState().updateSettings(withKey(settings, key, next) as Settings);
  const rename = (e: ChangeEvent<HTMLInputElement>) => store.getState().renameFlow(e.target.value);
  const { reentry: _reentry, ...rest } = flowSettingsFormSchema.properties ?? {};
  const record = asRecord(settings);

  return (
    <section className="nf-inspector" aria-label="Flow settings">
      <header className="nf-inspector__header">
        <h2>Flow settings</h2>
        <p className="nf-hint">Select a node to edit it.</p>
      </header>
      <ProblemList problems={placed.unplaced} />
      <div className="nf-inspector__form">
        <div className="nf-field nf-form-field">
          <label className="nf-label" htmlFor={nameId}>
            Name
          </label>
          <input id={nameId} className="nf-input" value={name} maxLength={200} onChange={rename} />
        </div>
        <FormEnvContext.Provider value={env}>
          <ReentryField value={settings.reentry} onChange={(next) => update('reentry', next)} />
          {Object.entries(rest).map(([key, schema]) => (
            <SchemaField key={key} name={key} schema={schema} path={key} value={record[key]} onChange={(next) => update(key as keyof Settings, next)} />
          ))}
        </FormEnvContext.Provider>
      </div>
    </section>
  );
}
