import type { JsonSchema } from '../../api/types';
import { typesOf } from './schema-widget';

/*
 * Immutable edits of a config: every function returns new objects and lists, so the store sees a
 * new config and nothing already rendered (or held in history) changes under it.
 */

export type Config = Record<string, unknown>;

export function asRecord(value: unknown): Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Config) : {};
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The object with `key` set; `undefined` removes the key (an optional field left empty). */
export function withKey(record: unknown, key: string, value: unknown): Config {
  const { [key]: _old, ...rest } = asRecord(record);
  return value === undefined ? rest : { ...rest, [key]: value };
}

/** The object with `key` renamed to `next`, keeping its value and the keys' order. */
export function renamedKey(record: unknown, key: string, next: string): Config {
  return Object.fromEntries(Object.entries(asRecord(record)).map(([k, v]) => [k === key ? next : k, v]));
}

export function withItem(list: unknown, index: number, value: unknown): unknown[] {
  return asList(list).map((item, i) => (i === index ? value : item));
}

export function withoutItem(list: unknown, index: number): unknown[] {
  return asList(list).filter((_, i) => i !== index);
}

export function withAppended(list: unknown, value: unknown): unknown[] {
  return [...asList(list), value];
}

/** A fresh value for a new row or a variant's field: its default, else the emptiest value its type allows. */
export function initialValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const [type] = typesOf(schema);
  switch (type) {
    case 'object': {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {})
        .filter(([key, property]) => required.has(key) || property.default !== undefined)
        .map(([key, property]) => [key, initialValue(property)] as const)
        .filter(([, value]) => value !== undefined);
      return Object.fromEntries(entries);
    }
    case 'array':
      return [];
    case 'string':
      return '';
    default:
      // Numbers and booleans without a default stay unset: the validator asks for them.
      return undefined;
  }
}
