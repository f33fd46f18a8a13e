import type { Problem } from '@nudgeflow/shared';
import { AlertCircle, AlertTriangle } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { useFormEnv } from './form-env';

export interface ControlIds {
  id: string;
  /** Help text and problems, for aria-describedby. */
  describedBy: string | undefined;
  invalid: boolean;
}

function problemText(problem: Problem): string {
  return problem.line !== undefined ? `Line ${problem.line}: ${problem.message}` : problem.message;
}

export function ProblemList({ id, problems }: { id?: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="nf-field-problems">
      {problems.map((problem, i) => (
        <li key={i} className={`nf-field-problem nf-field-problem--${problem.severity}`}>
          {problem.severity === 'error' ? <AlertCircle aria-hidden /> : <AlertTriangle aria-hidden />}
          <span>
            <span className="nf-visually-hidden">{problem.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
            {problemText(problem)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function useFieldIds(path: string, help: string | undefined) {
  const id = useId();
  const problems = useFormEnv().problems.get(path) ?? [];
  const helpId = help ? `${id}-help` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const describedBy = [helpId, problemsId].filter(Boolean).join(' ') || undefined;
  return { id, helpId, problemsId, problems, describedBy, invalid: problems.some((p) => p.severity === 'error') };
}

interface FieldProps {
  label: string;
  help?: string | undefined;
  /** The control's path in the config: problems with this field show below it. */
  path: string;
  children(ids: ControlIds): ReactNode;
  /** Shown after the help text (the SMS length, the email preview). */
  after?: ReactNode;
}

/** One labelled control with its help text and its problems, tied together for screen readers. */
export function Field({ label, help, path, children, after }: FieldProps) {
  const ids = useFieldIds(path, help);
  return (
    <div className="nf-field nf-form-field">
      <label className="nf-label" htmlFor={ids.id}>
        {label}
      </label>
      {children({ id: ids.id, describedBy: ids.describedBy, invalid: ids.invalid })}
      <FieldNotes ids={ids} help={help} />
      {after}
    </div>
  );
}

/** The help text and the problems under a control, both named by its aria-describedby. */
function FieldNotes({ ids, help }: { ids: ReturnType<typeof useFieldIds>; help: string | undefined }) {
  return (
    <>
      {help ? (
        <p id={ids.helpId} className="nf-hint">
          {help}
        </p>
      ) : null}
      <ProblemList id={ids.problemsId} problems={ids.problems} />
    </>
  );
}

/** A checkbox: the label follows the box. */
export function CheckboxField({ label, help, path, checked, onChange }: { label: string; help?: string | undefined; path: string; checked: boolean; onChange(next: boolean): void }) {
  const ids = useFieldIds(path, help);
  return (
    <div className="nf-form-field nf-checkbox-field">
      <label className="nf-checkbox">
        <input id={ids.id} type="checkbox" checked={checked} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} onChange={(e) => onChange(e.target.checked)} />
        <span className="nf-label">{label}</span>
      </label>
      <FieldNotes ids={ids} help={help} />
    </div>
  );
}

interface GroupProps {
  /** No legend for the config as a whole: the panel's heading names it. */
  label?: string | undefined;
  help?: string | undefined;
  path: string;
  children: ReactNode;
}

/** Several controls about one thing (a rule set, a list of rows, a nested object). */
export function Group({ label, help, path, children }: GroupProps) {
  const ids = useFieldIds(path, help);
  return (
    <fieldset className={label ? 'nf-group' : 'nf-group nf-group--bare'} aria-describedby={ids.describedBy}>
      {label ? (
        <legend className="nf-group__legend nf-label">{label}</legend>
      ) : null}
      <FieldNotes ids={ids} help={help} />
      {children}
    </fieldset>
  );
}
