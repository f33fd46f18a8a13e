import type { Problem } from '@nudgeflow/shared';
import type { JsonSchema } from '../../api/types';
import { asList, asRecord } from './config-edit';
import { selectedVariant } from './variants';
import { widgetFor } from './schema-widget';

export function joinPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

/**
 * Every path the form shows a control (or a row, or a group) for, in the validator's notation
 * ("rules.0.value"). Walks the schema the way the form renders it, so a problem's `field` can be
 * shown under the control it is about.
 */
export function controlPaths(schema: JsonSchema, value: unknown, path = ''): string[] {
  const own = path === '' ? [] : [path];
  const widget = widgetFor(schema);
  switch (widget.kind) {
    case 'object':
      return [...own, ...objectPaths(schema, value, path)];
    case 'rows':
      return [...own, ...asList(value).flatMap((item, i) => controlPaths(widget.item, item, joinPath(path, i)))];
    case 'ruleSet': {
      const rules = asList(asRecord(value).rules).flatMap((_, i) => {
        const row = joinPath(joinPath(path, 'rules'), i);
        return [row, ...['field', 'op', 'value'].map((key) => joinPath(row, key))];
      });
      return [...own, joinPath(path, 'match'), joinPath(path, 'rules'), ...rules];
    }
    case 'variants': {
      const variant = selectedVariant(widget.variants, widget.discriminator, value);
      return [...own, ...(variant ? objectPaths(variant.schema, value, path) : [joinPath(path, widget.discriminator)])];
    }
    case 'text':
    case 'time':
    case 'liquid':
    case 'mjml':
    case 'duration':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'enumSet':
    case 'tags':
    case 'scalar':
    case 'scalarOrList':
    case 'map':
    case 'json':
      return own;
    default: {
      const unknown: never = widget;
      throw new Error(`no paths for widget ${JSON.stringify(unknown)}`);
    }
  }
}

function objectPaths(schema: JsonSchema, value: unknown, path: string): string[] {
  const record = asRecord(value);
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => controlPaths(property, record[key], joinPath(path, key)));
}

export interface PlacedProblems {
  /** Problems by the path of the control they belong under. */
  byPath: Map<string, Problem[]>;
  /** Problems no control shows: the panel lists them at the top. */
  unplaced: Problem[];
}

/** Puts each problem under the deepest control its field is inside ("branches.1.percent" under that row's Percent). */
export function placeProblems(problems: readonly Problem[], paths: readonly string[]): PlacedProblems {
  const known = new Set(paths);
  const byPath = new Map<string, Problem[]>();
  const unplaced: Problem[] = [];
  for (const problem of problems) {
    let place = problem.field;
    while (place !== undefined && place !== '' && !known.has(place)) {
      const dot = place.lastIndexOf('.');
      place = dot === -1 ? undefined : place.slice(0, dot);
    }
    if (place === undefined || place === '') unplaced.push(problem);
    else byPath.set(place, [...(byPath.get(place) ?? []), problem]);
  }
  return { byPath, unplaced };
}
