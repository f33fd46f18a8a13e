// Imported first: it adds `.openapi()` to zod before the clones below are made.
import '@hono/zod-openapi';
import { contactSchema, flowEventSchema, flowGraphSchema, orderSchema } from '@nudgeflow/shared';
import type { ZodType } from 'zod';

/**
 * A shared schema as a named OpenAPI component. Zod copies methods onto each schema when it is
 * made, so a schema built before @hono/zod-openapi was loaded has no `.openapi()`: a clone made
 * now (the same rules) does.
 */
function component<T extends ZodType>(schema: T, name: string): T {
  return schema.clone().openapi(name);
}

export const flowGraphComponent = component(flowGraphSchema, 'FlowGraph');
export const eventComponent = component(flowEventSchema, 'Event');
export const contactComponent = component(contactSchema, 'Contact');
export const orderComponent = component(orderSchema, 'Order');
