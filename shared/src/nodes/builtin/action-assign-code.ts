import { z } from 'zod';
import { defineNode } from '../types';

export const actionAssignCode = defineNode({
  type: 'action.assignCode',
  title: 'Assign a code',
  description: 'Gives the contact a unique code (a discount, an e-book download) from a pool; later templates show it as {{ codes.<pool> }}.',
  category: 'action',
  icon: 'ticket',
  color: '#16a34a',
  version: 1,
  configSchema: () => z.object({
    pool: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a pool name is lower-case letters, digits, "_" or "-"')
      .default('discount')
      .meta({ title: 'Code pool', description: 'Templates show the code as {{ codes.<pool> }}, e.g. {{ codes.discount }}' }),
  }),
  defaults: { pool: 'discount' },
  outputs: () => [
    { id: 'next', label: 'Next' },
    { id: 'empty', label: 'No codes left' },
  ],
  summary: (c) => `Assign a code from pool ${c.pool}`,
  behavior: { kind: 'effect' },
});
