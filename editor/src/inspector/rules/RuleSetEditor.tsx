import { Plus } from 'lucide-react';
import type { JsonSchema } from '../../api/types';
import { joinPath } from '../form/control-paths';
import { asList, asRecord, withAppended, withItem, withKey, withoutItem, type Config } from '../form/config-edit';
import { Field, Group } from '../form/Field';
import { widgetFor, type Option } from '../form/schema-widget';
import { SelectInput } from '../widgets/SelectInput';
import { RuleRow } from './RuleRow';

interface RuleSetEditorProps {
  /** The rule set's JSON Schema: operator and match labels come from its enumLabels. */
  schema: JsonSchema;
  label?: string | undefined;
  help?: string | undefined;
  path: string;
  value: unknown;
  onChange(next: unknown): void;
  /** An optional rule set (a trigger's "Only when") disappears with its last rule. */
  required: boolean;
}

function optionsOf(schema: JsonSchema | undefined): Option[] {
  const widget = schema ? widgetFor(schema) : undefined;
  return widget?.kind === 'enum' ? widget.options : [];
}
const newRule = (): Config => ({ field: '', op: 'eq' });

/** The rule builder: match all or any, then rows of field, operator and value. */
export function RuleSetEditor({ schema, label, help, path, value, onChange, required }: RuleSetEditorProps) {
  const matchOptions = optionsOf(schema.properties?.match);
  const operators = optionsOf(schema.properties?.rules?.items?.properties?.op);
  const set = asRecord(value);
  const rules = asList(set.rules);
  const write = (nextRules: unknown[]) => onChange(!required && nextRules.length === 0 ? undefined : { match: set.match ?? 'all', ...set, rules: nextRules });
  return (
    <Group label={label} help={help} path={path}>
      {rules.length === 0 ? <p className="nf-hint">{required ? 'Add at least one rule.' : 'No rules: nothing more is checked.'}</p> : null}
      {rules.length > 1 ? (
        <Field label="Match" path={joinPath(path, 'match')}>
          {(ids) => <SelectInput ids={ids} value={set.match ?? 'all'} required options={matchOptions} onChange={(next) => onChange(withKey(set, 'match', next))} />}
        </Field>
      ) : null}
      {rules.map((rule, index) => (
        <RuleRow
          key={index}
          index={index}
          rule={asRecord(rule)}
          path={joinPath(joinPath(path, 'rules'), index)}
          operators={operators}
          onChange={(next) => write(withItem(rules, index, next))}
          onRemove={() => write(withoutItem(rules, index))}
        />
      ))}
      <button type="button" className="nf-button nf-button--small" onClick={() => write(withAppended(rules, newRule()))}>
        <Plus aria-hidden />
        Add rule
      </button>
    </Group>
  );
}
