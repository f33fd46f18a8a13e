import { cartSchema, contactSchema, orderSchema, productSchema } from '@nudgeflow/shared';
import type { JsonSchema } from '../../api/types';
import { typesOf } from '../form/schema-widget';

/** Dotted paths to the plain values below a schema; lists of plain values too when `lists`. Free-form records are skipped. */
export function valuePaths(schema: JsonSchema, prefix: string, lists: boolean): string[] {
  const types = typesOf(schema);
  if (types.includes('object') || schema.properties) {
    return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => valuePaths(property, `${prefix}.${key}`, lists));
  }
  if (types.includes('array')) {
    const item = schema.items;
    const plain = item !== undefined && !typesOf(item).includes('object') && !item.properties;
    return lists && plain ? [prefix] : [];
  }
  if (schema.anyOf) return schema.anyOf.some((option) => !typesOf(option).includes('object')) ? [prefix] : [];
  return [prefix];
}

const json = (schema: { toJSONSchema(params?: { io?: 'input' | 'output' }): unknown }) => schema.toJSONSchema({ io: 'input' }) as JsonSchema;

let suggestions: readonly string[] | undefined;

/**
 * Fields a rule can test (shared/src/rules: contact, order, cart, product and the latest event),
 * from the data schemas; worked out on first use, not while the editor's code loads.
 */
export function ruleFieldSuggestions(): readonly string[] {
  suggestions ??= [
    ...valuePaths(json(contactSchema), 'contact', true),
    ...valuePaths(json(orderSchema), 'order', true),
    ...valuePaths(json(cartSchema), 'cart', true),
    ...valuePaths(json(productSchema), 'product', true),
    'event.type',
    'event.occurredAt',
  ];
  return suggestions;
}
