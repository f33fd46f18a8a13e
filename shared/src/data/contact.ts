import { z } from 'zod';

/** Marketing consent per channel. Absent means "not given" (opt-in, as GDPR expects). */
export const consentSchema = z
  .object({
    email: z.boolean().optional(),
    sms: z.boolean().optional(),
  })
  .meta({ title: 'Consent' });

export const contactSchema = z
  .object({
    id: z.string().min(1),
    externalId: z.string().optional(),
    email: z.email().optional(),
    phone: z.string().optional(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    /** ISO date (YYYY-MM-DD); the year may be a placeholder for yearly triggers. */
    birthday: z.iso.date().optional(),
    /** IANA time zone, e.g. "Europe/Prague". */
    timezone: z.string().optional(),
    tags: z.array(z.string()).default([]),
    customerType: z.string().optional(),
    group: z.string().optional(),
    wholesale: z.boolean().optional(),
    affiliate: z.boolean().optional(),
    orderCount: z.number().int().nonnegative().optional(),
    /** When the contact last ordered / logged in: what inactivity triggers measure from. */
    lastOrderAt: z.iso.datetime({ offset: true }).optional(),
    lastLoginAt: z.iso.datetime({ offset: true }).optional(),
    consent: consentSchema.optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ title: 'Contact' });

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
