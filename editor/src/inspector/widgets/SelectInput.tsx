import type { Option } from '../form/schema-widget';
import { controlAttributes, type InputProps } from './input-props';

/** A choice among options; a value the options do not know is kept and shown as it is. */
export function SelectInput({ ids, value, onChange, required, options, placeholder = 'Choose…' }: InputProps & { options: readonly Option[]; placeholder?: string }) {
  const current = value === undefined || value === null ? '' : String(value);
  const known = current === '' || options.some((o) => o.value === current);
  return (
    <select {...controlAttributes(ids)} className="nf-select" value={current} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
      {current === '' || !required ? (
        <option value="" disabled={required}>
          {required ? placeholder : '—'}
        </option>
      ) : null}
      {known ? null : <option value={current}>{current}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
