import { z } from 'zod';

function buildFields() {
  const consent = z
    .object({
      email: z.boolean().optional(),
      sms: z.boolean().optional(),
    })
    .meta({ title: 'Consent' });
  const shape = {
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
    consent: consent.optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
  };
  return { consent, shape };
}

let fields: ReturnType<typeof buildFields> | undefined;

/**
 * The contact's fields (contact.ts builds the contact schemas from them), built on first use.
 * The update-contact node checks values against them; node types are loaded for every workflow
 * run, which therefore does not build the contact schemas unless a flow needs them.
 */
export function contactFieldSchemas(): ReturnType<typeof buildFields> {
  fields ??= buildFields();
  return fields;
}
