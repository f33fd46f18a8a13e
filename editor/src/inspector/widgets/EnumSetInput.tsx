import type { Option } from '../form/schema-widget';
import { asList } from '../form/config-edit';

/** A list of choices as checkboxes; the list keeps the options' order (Monday before Friday). */
export function EnumSetInput({ value, onChange, options }: { value: unknown; onChange(next: unknown): void; options: readonly Option[] }) {
  const chosen = new Set(asList(value).map(String));
  const toggle = (option: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(option);
    else next.delete(option);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <div className="nf-choice-list">
      {options.map((option) => (
        <label key={option.value} className="nf-checkbox nf-chip-checkbox">
          <input type="checkbox" checked={chosen.has(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
