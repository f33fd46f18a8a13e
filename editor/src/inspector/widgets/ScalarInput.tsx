import { useDraft } from '../form/use-draft';
import { formatRuleValue, sameRuleValue, type RuleValue } from '../rules/rule-values';
import { controlAttributes, type InputProps } from './input-props';

/** One text box for text, a number, true/false, or a comma list; `parse` decides which the text means. */
export function ScalarInput({ ids, value, onChange, parse, placeholder }: InputProps & { parse(text: string): RuleValue | undefined; placeholder?: string | undefined }) {
  const draft = useDraft<unknown>(value, formatRuleValue, parse, sameRuleValue);
  return (
    <input
      {...controlAttributes(ids)}
      className="nf-input"
      value={draft.text}
      placeholder={placeholder}
      autoComplete="off"
      onChange={(e) => onChange(draft.edit(e.target.value))}
      onBlur={draft.reset}
    />
  );
}
