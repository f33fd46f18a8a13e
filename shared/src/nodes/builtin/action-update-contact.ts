import { z } from 'zod';
import type { Contact } from '../../data/contact';
import { contactFieldSchemas } from '../../data/contact-shape';
import { lazy } from '../lazy';
import type { ConfigProblem } from '../types';
import { defineNode, NEXT } from '../types';

/** Fields a flow must not overwrite: identity, and the ones with their own node or their own rules. */
const protectedFields: readonly (keyof Contact)[] = ['id', 'externalId', 'tags', 'consent', 'attributes'];
const settableFields = lazy(() => (Object.keys(contactFieldSchemas().shape) as (keyof Contact)[]).filter((f) => !protectedFields.includes(f)));
const attributeKey = /^attributes\.[A-Za-z0-9_]+$/;

function keyProblem(key: string, value: string | number | boolean | null): string | undefined {
  if (attributeKey.test(key)) return undefined;
  const settable: string[] = settableFields();
  if (!settable.includes(key)) return `"${key}" cannot be set here; use one of ${settable.join(', ')}, or attributes.<name>`;
  // null clears the field; anything else must be what the contact record accepts.
  if (value === null) return undefined;
  const result = contactFieldSchemas().shape[key as keyof Contact].safeParse(value);
  return result.success ? undefined : `${JSON.stringify(value)} is not a valid ${key}: ${result.error.issues[0]?.message ?? 'wrong type'}`;
}

export const actionUpdateContact = defineNode({
  type: 'action.updateContact',
  title: 'Update contact',
  description: 'Sets fields on the contact (customer type, group, custom attributes), or clears them.',
  category: 'action',
  icon: 'user-pen',
  color: '#16a34a',
  version: 1,
  configSchema: () => z.object({
    set: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .meta({ title: 'Set fields', description: 'Field name to value, e.g. customerType = vip or attributes.segment = engaged; empty (null) clears the field' }),
  }),
  defaults: { set: { customerType: 'vip' } },
  outputs: () => [NEXT],
  summary: (c) => {
    const parts = Object.entries(c.set).map(([k, v]) => (v === null ? `clear ${k}` : `${k} = ${JSON.stringify(v)}`));
    if (parts.length === 0) return 'Update contact: nothing yet';
    return `Set ${parts.length > 3 ? `${parts.slice(0, 3).join(', ')} +${parts.length - 3} more` : parts.join(', ')}`;
  },
  check: (c) => {
    const entries = Object.entries(c.set);
    if (entries.length === 0) return [{ field: 'set', message: 'set at least one field' }];
    const problems: ConfigProblem[] = [];
    for (const [key, value] of entries) {
      const message = keyProblem(key, value);
      if (message) problems.push({ field: `set.${key}`, message });
    }
    return problems;
  },
  behavior: { kind: 'effect' },
});
