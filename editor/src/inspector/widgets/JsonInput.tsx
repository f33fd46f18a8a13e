import { useDraft } from '../form/use-draft';
import { controlAttributes, type InputProps } from './input-props';

const invalid = Symbol('invalid JSON');

function parse(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return invalid;
  }
}

const format = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));
// Text that is not JSON yet stays in the box; the config keeps its last valid value meanwhile.
const same = (typed: unknown, held: unknown) => typed === invalid || JSON.stringify(typed) === JSON.stringify(held);

/** For config shapes the form has no control for: the value as JSON. */
export function JsonInput({ ids, value, onChange }: InputProps) {
  const draft = useDraft<unknown>(value, format, parse, same);
  const broken = parse(draft.text) === invalid;
  return (
    <>
      <textarea
        {...controlAttributes(ids)}
        className="nf-textarea nf-mono"
        spellCheck={false}
        value={draft.text}
        onChange={(e) => {
          const next = draft.edit(e.target.value);
          if (next !== invalid) onChange(next);
        }}
      />
      {broken ? <p className="nf-hint nf-error-text">Not valid JSON yet: the last valid value is kept.</p> : null}
    </>
  );
}
