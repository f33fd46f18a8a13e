import { Trash2 } from 'lucide-react';
import { useId } from 'react';
import { joinPath } from '../form/control-paths';
import { withKey, type Config } from '../form/config-edit';
import { Field, ProblemList } from '../form/Field';
import { useFormEnv } from '../form/form-env';
import type { Option } from '../form/schema-widget';
import { ScalarInput } from '../widgets/ScalarInput';
import { SelectInput } from '../widgets/SelectInput';
import { isRuleOp, parseRuleValue, takesValue, withOperator } from './rule-values';
import { ruleFieldSuggestions } from './rule-fields';

interface RuleRowProps {
  rule: Config;
  index: number;
  path: string;
  operators: readonly Option[];
  onChange(next: Config): void;
  onRemove(): void;
}

/** One rule: field (with suggestions), operator, and the value unless the operator takes none. */
export function RuleRow({ rule, index, path, operators, onChange, onRemove }: RuleRowProps) {
  const suggestions = useId();
  const { problems } = useFormEnv();
  const op = rule.op;
  const name = `Rule ${index + 1}`;
  return (
    <div className="nf-row nf-rule" role="group" aria-label={name}>
      <div className="nf-row__fields">
        <Field label="Field" path={joinPath(path, 'field')}>
          {(ids) => (
            <>
              <input
                id={ids.id}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
                className="nf-input nf-mono"
                list={suggestions}
                value={typeof rule.field === 'string' ? rule.field : ''}
                placeholder="e.g. order.paymentMethod"
                autoComplete="off"
                onChange={(e) => onChange(withKey(rule, 'field', e.target.value))}
              />
              <datalist id={suggestions}>
                {ruleFieldSuggestions().map((field) => (
                  <option key={field} value={field} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <div className="nf-rule__compare">
          <Field label="Operator" path={joinPath(path, 'op')}>
            {(ids) => <SelectInput ids={ids} value={op} required options={operators} onChange={(next) => isRuleOp(next) && onChange(withOperator(rule, next))} />}
          </Field>
          {takesValue(op) ? (
            <Field label="Value" path={joinPath(path, 'value')}>
              {(ids) => (
                <ScalarInput
                  ids={ids}
                  value={rule.value}
                  required={false}
                  parse={(text) => parseRuleValue(text, op)}
                  placeholder={op === 'in' ? 'Values separated by commas' : undefined}
                  onChange={(next) => onChange(withKey(rule, 'value', next))}
                />
              )}
            </Field>
          ) : null}
        </div>
        <ProblemList problems={problems.get(path) ?? []} />
      </div>
      <button type="button" className="nf-button nf-button--ghost nf-button--icon" aria-label={`Remove ${name.toLowerCase()}`} onClick={onRemove}>
        <Trash2 aria-hidden />
      </button>
    </div>
  );
}
