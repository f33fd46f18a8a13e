import type { ReactNode } from 'react';
import type { JsonSchema } from '../../api/types';
import { DurationInput } from '../duration/DurationInput';
import { MjmlField } from '../email/MjmlField';
import { LiquidInput } from '../liquid/LiquidInput';
import { RuleSetEditor } from '../rules/RuleSetEditor';
import { coerceScalar, parseRuleValue } from '../rules/rule-values';
import { EnumSetInput } from '../widgets/EnumSetInput';
import { JsonInput } from '../widgets/JsonInput';
import { MapEditor } from '../widgets/MapEditor';
import { NodeRefSelect } from '../widgets/NodeRefSelect';
import { NumberInput } from '../widgets/NumberInput';
import { RowsEditor } from '../widgets/RowsEditor';
import { ScalarInput } from '../widgets/ScalarInput';
import { SelectInput } from '../widgets/SelectInput';
import { TagListInput } from '../widgets/TagListInput';
import { TextInput } from '../widgets/TextInput';
import { VariantsEditor } from '../widgets/VariantsEditor';
import { fieldAddon } from './field-addons';
import { CheckboxField, Field, Group, type ControlIds } from './Field';
import { useFormEnv } from './form-env';
import { ObjectFields } from './ObjectFields';
import { labelFor, leftOutWhenEmpty, widgetFor } from './schema-widget';

export interface SchemaFieldProps {
  schema: JsonSchema;
  value: unknown;
  /** `undefined` removes the field. */
  onChange(next: unknown): void;
  /** Where the value sits in the config, as the validator writes fields ("rules.0.value"); "" for the whole config. */
  path: string;
  /** The property's key, for a label when the schema has no title; absent for the whole config. */
  name?: string;
  required?: boolean;
  /** Leave out the help text (rows say it once above them). */
  hideHelp?: boolean;
}

const optionalScalar = (text: string) => (text.trim() === '' ? undefined : coerceScalar(text.trim()));
const scalarOrList = (text: string) => parseRuleValue(text, text.includes(',') ? 'in' : 'eq');

/** The control the schema calls for, labelled with its title, with its help text and problems. */
export function SchemaField({ schema, value, onChange, path, name, required = false, hideHelp = false }: SchemaFieldProps) {
  const env = useFormEnv();
  const widget = widgetFor(schema);
  const label = name === undefined ? undefined : labelFor(schema, name);
  // A duration's description explains the ISO text the picker writes for the marketer.
  const help = hideHelp || widget.kind === 'duration' ? undefined : schema.description;
  // A field left out reads as its default: show that, and write it only when edited.
  const shown = value === undefined ? schema.default : value;
  const field = (control: (ids: ControlIds) => ReactNode, after?: ReactNode) => (
    <Field label={label ?? 'Settings'} help={help} path={path} after={after}>
      {control}
    </Field>
  );
  // A field with a default keeps its box's text even when emptied (the validator then names it).
  const input = { value: shown, onChange, required: !leftOutWhenEmpty(schema, required) };

  const choices = env.nodeChoices.get(path);
  if (choices) return field((ids) => <NodeRefSelect ids={ids} {...input} choices={choices} />);

  switch (widget.kind) {
    case 'text':
      return field((ids) => <TextInput ids={ids} {...input} examples={widget.examples} />);
    case 'time':
      // Plain text, not <input type="time">: browsers show that in the reader's 12- or 24-hour style, the schema asks for 24-hour "09:00".
      return field((ids) => <TextInput ids={ids} {...input} examples={['09:00']} />);
    case 'liquid':
      return field((ids) => <LiquidInput ids={ids} {...input} />, fieldAddon(env.nodeType, path, shown));
    case 'mjml':
      return <MjmlField label={label ?? 'Email'} help={help} path={path} value={shown} onChange={onChange} />;
    case 'duration':
      return field((ids) => <DurationInput ids={ids} {...input} encoding={widget.encoding} />);
    case 'number':
      return field((ids) => <NumberInput ids={ids} {...input} integer={widget.integer} min={widget.min} max={widget.max} />);
    case 'boolean':
      return <CheckboxField label={label ?? 'Enabled'} help={help} path={path} checked={shown === true} onChange={onChange} />;
    case 'enum':
      return field((ids) => <SelectInput ids={ids} {...input} options={widget.options} />);
    case 'enumSet':
      return (
        <Group label={label} help={help} path={path}>
          <EnumSetInput value={shown} onChange={onChange} options={widget.options} />
        </Group>
      );
    case 'tags':
      return field((ids) => <TagListInput ids={ids} {...input} examples={widget.examples} />);
    case 'scalar':
      return field((ids) => <ScalarInput ids={ids} {...input} parse={optionalScalar} />);
    case 'scalarOrList':
      return field((ids) => <ScalarInput ids={ids} {...input} parse={scalarOrList} placeholder="One value, or several separated by commas" />);
    case 'json':
      return field((ids) => <JsonInput ids={ids} {...input} />);
    case 'rows':
      return <RowsEditor label={label} help={help} path={path} item={widget.item} value={shown} onChange={onChange} />;
    case 'map':
      return <MapEditor label={label} help={help} path={path} valueSchema={widget.value} value={shown} onChange={onChange} />;
    case 'object':
      return <ObjectFields label={label} help={help} path={path} schema={schema} value={value} onChange={onChange} required={required || name === undefined} />;
    case 'ruleSet':
      return <RuleSetEditor schema={schema} label={label} help={help} path={path} value={value} onChange={onChange} required={required || name === undefined} />;
    case 'variants':
      // An optional choice left out shows its default variant (a message node's send window: "follow the flow").
      return <VariantsEditor label={label} help={help} path={path} widget={widget} value={shown} onChange={onChange} />;
    default: {
      const unknown: never = widget;
      throw new Error(`no control for ${JSON.stringify(unknown)}`);
    }
  }
}
