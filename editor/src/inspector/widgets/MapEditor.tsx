import { Plus, Trash2 } from 'lucide-react';
import type { JsonSchema } from '../../api/types';
import { asRecord, renamedKey, withKey } from '../form/config-edit';
import { Group } from '../form/Field';
import { typesOf } from '../form/schema-widget';
import { coerceScalar } from '../rules/rule-values';

interface MapEditorProps {
  label?: string | undefined;
  help?: string | undefined;
  path: string;
  valueSchema: JsonSchema;
  value: unknown;
  onChange(next: unknown): void;
}

/** What a typed value means for this map: text for text-only values, else a number or true/false where it reads as one; empty clears a nullable value. */
function valueOf(text: string, schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if (text === '' && types.includes('null')) return null;
  if (types.length === 1 && types[0] === 'string') return text;
  return coerceScalar(text);
}

/** Name → value pairs (webhook headers, contact fields to set); a name already used is not taken twice. */
export function MapEditor({ label = 'Fields', help, path, valueSchema, value, onChange }: MapEditorProps) {
  const record = asRecord(value);
  const entries = Object.entries(record);
  const rename = (key: string, next: string) => {
    if (next === key || Object.hasOwn(record, next)) return;
    onChange(renamedKey(record, key, next));
  };
  return (
    <Group label={label} help={help} path={path}>
      {entries.map(([key, item], index) => (
        <div key={index} className="nf-row nf-row--pair">
          <input className="nf-input" aria-label={`${label}: key ${index + 1}`} value={key} placeholder="Key" autoComplete="off" onChange={(e) => rename(key, e.target.value)} />
          <input
            className="nf-input"
            aria-label={`${label}: value for ${key || `key ${index + 1}`}`}
            value={item === null || item === undefined ? '' : String(item)}
            placeholder={typesOf(valueSchema).includes('null') ? 'Empty clears it' : 'Value'}
            autoComplete="off"
            onChange={(e) => onChange(withKey(record, key, valueOf(e.target.value, valueSchema)))}
          />
          <button type="button" className="nf-button nf-button--ghost nf-button--icon" aria-label={`Remove ${key || `entry ${index + 1}`}`} onClick={() => onChange(withKey(record, key, undefined))}>
            <Trash2 aria-hidden />
          </button>
        </div>
      ))}
      <button type="button" className="nf-button nf-button--small" aria-label={`Add ${label} entry`} disabled={Object.hasOwn(record, '')} onClick={() => onChange({ ...record, '': '' })}>
        <Plus aria-hidden />
        Add
      </button>
    </Group>
  );
}
