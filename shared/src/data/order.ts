import { z } from 'zod';

export const orderItemSchema = z.object({
  sku: z.string(),
  name: z.string().optional(),
  category: z.string().optional(),
  price: z.number().optional(),
  quantity: z.number().int().positive().default(1),
  imageUrl: z.string().optional(),
  url: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSchema = z
  .object({
    id: z.string().min(1),
    number: z.string().optional(),
    status: z.string().optional(),
    paymentStatus: z.string().optional(),
    paymentMethod: z.string().optional(),
    total: z.number().optional(),
    currency: z.string().optional(),
    items: z.array(orderItemSchema).default([]),
    /** ISO date or date-time of the planned delivery. */
    deliveryDate: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    createdAt: z.iso.datetime({ offset: true }).optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ title: 'Order' });

export type Order = z.infer<typeof orderSchema>;

export const cartSchema = z.object({
  id: z.string().optional(),
  items: z.array(orderItemSchema).default([]),
  total: z.number().optional(),
  currency: z.string().optional(),
  url: z.string().optional(),
});

export type Cart = z.infer<typeof cartSchema>;

export const productSchema = z.object({
  sku: z.string(),
  name: z.string().optional(),
  category: z.string().optional(),
  price: z.number().optional(),
  url: z.string().optional(),
  imageUrl: z.string().optional(),
});

export type Product = z.infer<typeof productSchema>;

export const orderFields = Object.keys(orderSchema.shape) as (keyof Order)[];
export const orderItemFields = Object.keys(orderItemSchema.shape) as (keyof OrderItem)[];
