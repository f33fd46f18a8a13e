import { expect, it } from 'vitest';
import { consentSchema, contactFields, contactSchema } from './contact';
import { contactFieldSchemas } from './contact-shape';

it('is what the contact schema is made of, field by field', () => {
  const { consent, shape } = contactFieldSchemas();
  expect(consentSchema).toBe(consent);
  expect(Object.keys(shape)).toEqual(contactFields);
  for (const field of contactFields) expect(contactSchema.shape[field]).toBe(shape[field]);
});
