import type { JsonSchema } from '../../api/types';

export interface Option {
  value: string;
  label: string;
}

export interface Variant {
  /** The discriminator's constant for this variant. */
  value: string;
  label: string;
  schema: JsonSchema;
}

/** Which control edits a value, decided from the node type's JSON Schema alone. */
export type Widget =
  | { kind: 'text'; examples: string[] }
  | { kind: 'time' }
  | { kind: 'liquid' }
  | { kind: 'mjml' }
  /** ISO 8601 text ("PT24H") or whole seconds (flow settings). */
  | { kind: 'duration'; encoding: 'iso' | 'seconds' }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; options: Option[] }
  /** A list of enum values: one checkbox per option (weekdays). */
  | { kind: 'enumSet'; options: Option[] }
  | { kind: 'tags'; examples: string[] }
  /** A list of objects: repeatable rows (split branches, product attributes). */
  | { kind: 'rows'; item: JsonSchema }
  | { kind: 'object' }
  | { kind: 'ruleSet' }
  /** Text, number or true/false in one box (an attribute value). */
  | { kind: 'scalar' }
  /** One value or a list of them (a rule's value: a list for "is one of"). */
  | { kind: 'scalarOrList' }
  /** Free-form name → value pairs (webhook headers, contact fields to set). */
  | { kind: 'map'; value: JsonSchema }
  /** Objects told apart by one constant property (wait until a time of day, or a date field). */
  | { kind: 'variants'; discriminator: string; variants: Variant[] }
  /** Anything the form has no control for: edited as JSON. */
  | { kind: 'json' };

export type WidgetKind = Widget['kind'];

const scalarTypes = new Set(['string', 'number', 'integer', 'boolean']);
/** The clock-time pattern of shared/src/time/zoned.ts: such fields get a time picker. */
const clockPattern = '^([01]\\d|2[0-3]):[0-5]\\d$';

export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

const isScalar = (schema: JsonSchema) => {
  const types = typesOf(schema);
  return types.length > 0 && types.every((t) => scalarTypes.has(t));
};

/** "withinDays" → "Within days", "timeout_seconds" → "Timeout seconds". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function labelFor(schema: JsonSchema, key: string): string {
  return schema.title ?? humanise(key);
}

/**
 * Whether emptying a field's control leaves the field out of the config. Not when it has a
 * default: left out, the box would show that default again while the person is still typing.
 */
export function leftOutWhenEmpty(schema: JsonSchema, required: boolean): boolean {
  return !required && schema.default === undefined;
}

function enumOptions(schema: JsonSchema): Option[] {
  const labels = (schema.enumLabels ?? {}) as Record<string, string>;
  return (schema.enum ?? []).map((value) => ({ value: String(value), label: labels[String(value)] ?? String(value) }));
}

function examplesOf(schema: JsonSchema): string[] {
  const examples = Array.isArray(schema.examples) ? schema.examples : [];
  return examples.flatMap((e: unknown) => (typeof e === 'string' ? [e] : Array.isArray(e) ? e.filter((x): x is string => typeof x === 'string') : []));
}

/** Objects that all pin one property to a constant: that property chooses the variant. */
function variantsOf(schema: JsonSchema): Widget | undefined {
  const options = schema.oneOf ?? schema.anyOf;
  if (!options || options.length < 2 || !options.every((o) => o.properties)) return undefined;
  const first = options[0]?.properties ?? {};
  const discriminator = Object.keys(first).find((key) => options.every((o) => typeof o.properties?.[key]?.const === 'string'));
  if (!discriminator) return undefined;
  return {
    kind: 'variants',
    discriminator,
    variants: options.map((o) => {
      const value = String(o.properties?.[discriminator]?.const);
      return { value, label: o.title ?? humanise(value), schema: o };
    }),
  };
}

/** `anyOf: [scalar, array of scalars]`: a rule value. */
function isScalarOrList(schema: JsonSchema): boolean {
  const options = schema.anyOf;
  if (!options || options.length !== 2) return false;
  const single = options.find((o) => isScalar(o));
  const list = options.find((o) => typesOf(o).includes('array') && o.items !== undefined && isScalar(o.items));
  return single !== undefined && list !== undefined;
}

/** `{ match, rules: [{ field, op, value }] }`: shared/src/rules/schema.ts's rule set. */
export function isRuleSet(schema: JsonSchema): boolean {
  const match = schema.properties?.match;
  const rule = schema.properties?.rules?.items?.properties;
  return Boolean(match?.enum && rule?.field && rule.op?.enum && rule.value);
}

/** zod writes the safe-integer limits for .int(): no limit a person would type. */
function realLimit(n: number | undefined): number | undefined {
  return n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;
}

function numberWidget(schema: JsonSchema, integer: boolean): Widget {
  const exclusive = integer && schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined;
  const min = realLimit(schema.minimum ?? exclusive);
  const max = realLimit(schema.maximum);
  return { kind: 'number', integer, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

export function widgetFor(schema: JsonSchema): Widget {
  switch (schema.format) {
    case 'mjml':
      return { kind: 'mjml' };
    case 'liquid':
      return { kind: 'liquid' };
    case 'duration':
      return { kind: 'duration', encoding: 'iso' };
    case 'duration-seconds':
      return { kind: 'duration', encoding: 'seconds' };
  }
  const variants = variantsOf(schema);
  if (variants) return variants;
  if (isScalarOrList(schema)) return { kind: 'scalarOrList' };
  if (schema.enum) return { kind: 'enum', options: enumOptions(schema) };

  const types = typesOf(schema);
  if (types.length === 1) {
    switch (types[0]) {
      case 'object':
        if (isRuleSet(schema)) return { kind: 'ruleSet' };
        if (schema.properties) return { kind: 'object' };
        if (typeof schema.additionalProperties === 'object') return { kind: 'map', value: schema.additionalProperties };
        return { kind: 'json' };
      case 'array': {
        const item = schema.items;
        if (!item) return { kind: 'json' };
        if (item.enum) return { kind: 'enumSet', options: enumOptions(item) };
        if (typesOf(item).join() === 'string') return { kind: 'tags', examples: examplesOf(schema) };
        if (typesOf(item).join() === 'object' && item.properties) return { kind: 'rows', item };
        return { kind: 'json' };
      }
      case 'string':
        return schema.pattern === clockPattern ? { kind: 'time' } : { kind: 'text', examples: examplesOf(schema) };
      case 'number':
        return numberWidget(schema, false);
      case 'integer':
        return numberWidget(schema, true);
      case 'boolean':
        return { kind: 'boolean' };
    }
  }
  if (isScalar(schema)) return { kind: 'scalar' };
  return { kind: 'json' };
}
