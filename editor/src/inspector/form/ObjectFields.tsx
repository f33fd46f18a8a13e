import { Plus, Trash2 } from 'lucide-react';
import type { JsonSchema } from '../../api/types';
import { joinPath } from './control-paths';
import { asRecord, initialValue, withKey } from './config-edit';
import { Group } from './Field';
import { SchemaField } from './SchemaField';

interface ObjectFieldsProps {
  label?: string | undefined;
  help?: string | undefined;
  path: string;
  schema: JsonSchema;
  value: unknown;
  onChange(next: unknown): void;
  /** An optional object can be left out: it is added and removed as a whole (a send window). */
  required: boolean;
  /** Properties another control already shows (a variant's discriminator). */
  skip?: readonly string[];
}

/** An object's properties, each with its own control; a nested object sits in a fieldset. */
export function ObjectFields({ label, help, path, schema, value, onChange, required, skip = [] }: ObjectFieldsProps) {
  const record = asRecord(value);
  const requiredKeys = new Set(schema.required ?? []);
  if (!required && value === undefined)
    return (
      <Group label={label} help={help} path={path}>
        <button type="button" className="nf-button nf-button--small" onClick={() => onChange(initialValue(schema))}>
          <Plus aria-hidden />
          Add {label ? label.toLowerCase() : 'settings'}
        </button>
      </Group>
    );
  return (
    <Group label={label} help={help} path={path}>
      {Object.entries(schema.properties ?? {})
        .filter(([key]) => !skip.includes(key))
        .map(([key, property]) => (
          <SchemaField
            key={key}
            name={key}
            schema={property}
            path={joinPath(path, key)}
            value={record[key]}
            required={requiredKeys.has(key)}
            onChange={(next) => onChange(withKey(record, key, next))}
          />
        ))}
      {!required ? (
        <button type="button" className="nf-button nf-button--ghost nf-button--small nf-remove-group" onClick={() => onChange(undefined)}>
          <Trash2 aria-hidden />
          Remove {label ? label.toLowerCase() : 'settings'}
        </button>
      ) : null}
    </Group>
  );
}
