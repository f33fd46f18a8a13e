import { z } from 'zod';
import { contactSchema } from '../data/contact';
import { cartSchema, orderItemSchema, orderSchema, productSchema } from '../data/order';
import type { MessageLinks, templateRoots } from './scope';

/** What a template may read below a name: the analyzer's view of the template scope. */
export type Shape =
  | { kind: 'open' }
  | { kind: 'record'; fields: ReadonlyMap<string, Shape> }
  | { kind: 'list'; of: Shape };

/** Anything below is accepted: free-form data, or a value whose properties Liquid handles (`.size`). */
export const open: Shape = { kind: 'open' };

/** What Liquid offers on a list besides an index. */
export const listProperties = ['first', 'last', 'size'] as const;

function record(fields: Iterable<[string, Shape]>): Shape {
  return { kind: 'record', fields: new Map(fields) };
}

/** Derived from the data schemas, so a field added there is known to templates at once. */
export function shapeOfSchema(schema: z.ZodType): Shape {
  if (schema instanceof z.ZodObject) return record(Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => [key, shapeOfSchema(field)]));
  if (schema instanceof z.ZodArray) return { kind: 'list', of: shapeOfSchema(schema.element as z.ZodType) };
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return shapeOfSchema(schema.unwrap() as z.ZodType);
  // Records (attributes.*) are open by design; scalars have no fields worth checking.
  return open;
}

const linkNames: Record<keyof MessageLinks, true> = { unsubscribe: true, viewInBrowser: true };

export const rootShapes: Record<(typeof templateRoots)[number], Shape> = {
  contact: shapeOfSchema(contactSchema),
  order: shapeOfSchema(orderSchema),
  items: { kind: 'list', of: shapeOfSchema(orderItemSchema) },
  cart: shapeOfSchema(cartSchema),
  product: shapeOfSchema(productSchema),
  // Custom events carry any data, and code pools are named per flow.
  event: open,
  codes: open,
  // RunContext['flow'].
  flow: record(['id', 'name', 'version'].map((name) => [name, open])),
  links: record(Object.keys(linkNames).map((name) => [name, open])),
};
