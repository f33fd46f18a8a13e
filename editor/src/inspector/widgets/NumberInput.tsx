import { useDraft } from '../form/use-draft';
import { controlAttributes, type InputProps } from './input-props';

const format = (value: unknown) => (typeof value === 'number' ? String(value) : '');
const parse = (text: string): number | undefined => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));

export function NumberInput({ ids, value, onChange, integer, min, max }: InputProps & { integer: boolean; min?: number | undefined; max?: number | undefined }) {
  const draft = useDraft<unknown>(value, format, parse);
  return (
    <input
      {...controlAttributes(ids)}
      className="nf-input nf-input--number"
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      min={min}
      max={max}
      value={draft.text}
      onChange={(e) => onChange(draft.edit(e.target.value))}
      onBlur={draft.reset}
    />
  );
}
