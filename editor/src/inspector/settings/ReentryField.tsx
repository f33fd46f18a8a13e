import { DurationInput } from '../duration/DurationInput';
import { Field } from '../form/Field';
import { SelectInput } from '../widgets/SelectInput';
import { reentryChoice, reentryValue, THIRTY_DAYS, type ReentryChoice } from './settings-schema';

const choices: { value: ReentryChoice; label: string }[] = [
  { value: 'once', label: 'Only once' },
  { value: 'always', label: 'Every time' },
  { value: 'after', label: 'Again after a while' },
];

/** Whether a contact may go through the flow again: never, always, or after a pause. */
export function ReentryField({ value, onChange }: { value: unknown; onChange(next: unknown): void }) {
  const choice = reentryChoice(value);
  const afterSeconds = typeof value === 'object' && value !== null ? (value as { afterSeconds?: unknown }).afterSeconds : undefined;
  return (
    <>
      <Field label="Re-entry" help="Whether a contact who has been through the flow may enter it again" path="reentry">
        {(ids) => (
          <SelectInput
            ids={ids}
            value={choice}
            required
            options={choices}
            onChange={(next) => onChange(reentryValue(next as ReentryChoice, typeof afterSeconds === 'number' ? afterSeconds : THIRTY_DAYS))}
          />
        )}
      </Field>
      {choice === 'after' ? (
        <Field label="Again after" path="reentry.afterSeconds">
          {(ids) => (
            <DurationInput
              ids={ids}
              value={afterSeconds}
              required
              encoding="seconds"
              onChange={(next) => onChange(next === undefined ? { afterSeconds: undefined } : { afterSeconds: next })}
            />
          )}
        </Field>
      ) : null}
    </>
  );
}
