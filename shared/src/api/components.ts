import type { z } from 'zod';
import { contactSchema } from '../data/contact';
import { flowEventSchema } from '../data/event';
import { orderSchema } from '../data/order';
import { flowGraphSchema } from '../graph/schema';

/*
 * The shared data schemas as named API components. `.meta({ id })` makes a named copy, so the
 * validator and the simulator keep the plain schemas; OpenAPI documents refer to each copy by its id.
 */
export const flowGraphComponent = flowGraphSchema.meta({ id: 'FlowGraph' });
export const eventComponent = flowEventSchema.meta({ id: 'Event' });
export const contactComponent = contactSchema.meta({ id: 'Contact' });
export const orderComponent = orderSchema.meta({ id: 'Order' });

/**
 * A named component as one field, with what that field means; OpenAPI shows the reference and the
 * description. `component.meta({ description })` would not do: the copy it makes does not inherit
 * the id, so the component would be written out inline. Optional fields describe the component,
 * then wrap it (`describedComponent(x, '...').optional()`): a description on the wrapper loses the id too.
 */
export function describedComponent<T extends z.ZodType>(component: T, description: string): T {
  return component.meta({ ...component.meta(), description });
}
