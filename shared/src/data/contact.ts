import { z } from 'zod';
import { contactFieldSchemas } from './contact-shape';

/** Marketing consent per channel. Absent means "not given" (opt-in, as GDPR expects). */
export const consentSchema = contactFieldSchemas().consent;

export const contactSchema = z.object(contactFieldSchemas().shape).meta({ title: 'Contact' });

export type Contact = z.infer<typeof contactSchema>;

/** What an incoming event may say about its contact: it must identify them somehow. */
export const contactRefSchema = contactSchema
  .partial()
  .extend({ tags: z.array(z.string()).optional() })
  .refine((c) => Boolean(c.id ?? c.externalId ?? c.email ?? c.phone), {
    message: 'a contact needs one of id, externalId, email or phone',
  });

export type ContactRef = z.infer<typeof contactRefSchema>;

/** Top-level contact fields, for template and rule checks. `attributes.*` is open. */
export const contactFields = Object.keys(contactSchema.shape) as (keyof Contact)[];
