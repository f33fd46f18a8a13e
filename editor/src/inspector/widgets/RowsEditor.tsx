import { Plus, Trash2 } from 'lucide-react';
import type { JsonSchema } from '../../api/types';
import { joinPath } from '../form/control-paths';
import { asList, asRecord, initialValue, withAppended, withItem, withKey, withoutItem } from '../form/config-edit';
import { Group, ProblemList } from '../form/Field';
import { useFormEnv } from '../form/form-env';
import { SchemaField } from '../form/SchemaField';
import { labelFor } from '../form/schema-widget';

interface RowsEditorProps {
  label?: string | undefined;
  help?: string | undefined;
  path: string;
  item: JsonSchema;
  value: unknown;
  onChange(next: unknown): void;
}

/** A list of objects as rows of controls, with add and remove (split branches, product attributes). */
export function RowsEditor({ label = 'Items', help, path, item, value, onChange }: RowsEditorProps) {
  const { problems } = useFormEnv();
  const rows = asList(value);
  const requiredKeys = new Set(item.required ?? []);
  // Said once for all rows, not under every row's fields.
  const notes = Object.entries(item.properties ?? {}).flatMap(([key, property]) => (property.description ? [`${labelFor(property, key)}: ${property.description}`] : []));
  return (
    <Group label={label} help={help} path={path}>
      {notes.length > 0 && rows.length > 0 ? (
        <ul className="nf-row-notes nf-hint">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {rows.map((row, index) => {
        const rowPath = joinPath(path, index);
        const record = asRecord(row);
        const name = `${label} ${index + 1}`;
        return (
          <div key={index} className="nf-row" role="group" aria-label={name}>
            <div className="nf-row__fields nf-row__fields--grid">
              {Object.entries(item.properties ?? {}).map(([key, property]) => (
                <SchemaField
                  key={key}
                  name={key}
                  hideHelp
                  schema={property}
                  path={joinPath(rowPath, key)}
                  value={record[key]}
                  required={requiredKeys.has(key)}
                  onChange={(next) => onChange(withItem(rows, index, withKey(record, key, next)))}
                />
              ))}
              <ProblemList problems={problems.get(rowPath) ?? []} />
            </div>
            <button type="button" className="nf-button nf-button--ghost nf-button--icon" aria-label={`Remove ${name}`} onClick={() => onChange(withoutItem(rows, index))}>
              <Trash2 aria-hidden />
            </button>
          </div>
        );
      })}
      <button type="button" className="nf-button nf-button--small" aria-label={`Add ${label} row`} onClick={() => onChange(withAppended(rows, initialValue(item)))}>
        <Plus aria-hidden />
        Add
      </button>
    </Group>
  );
}
