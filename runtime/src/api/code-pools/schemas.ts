import { z } from '@hono/zod-openapi';
import { MAX_CODE_LENGTH } from './codes-csv';

export const MAX_IMPORT = 100_000;

export const poolNameParams = z.object({
  name: z
    .string()
    .min(1)
    .max(100, 'a pool name is at most 100 characters')
    // The same rule as the "Assign a code" node's pool field: a pool it cannot name is useless.
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a pool name is lower-case letters, digits, "_" or "-"')
    .openapi({ param: { name: 'name', in: 'path' }, example: 'welcome-10' }),
});

export const poolStatsSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    lowThreshold: z.number().int().openapi({ description: 'Staff are alerted once when fewer free codes remain; 0: never' }),
    alertEmail: z.string().optional().openapi({ description: 'Where the low-stock alert is emailed; without it the alert is only recorded in the message log' }),
    total: z.number().int().openapi({ description: 'Real codes (test codes are counted apart)' }),
    assigned: z.number().int(),
    remaining: z.number().int().openapi({ description: 'Real codes not handed out yet' }),
    low: z.boolean().openapi({ description: 'Fewer remaining codes than lowThreshold' }),
    lowAlertedAt: z.string().optional().openapi({ description: 'When the current low-stock alert was raised; cleared by a refill to lowThreshold or above' }),
    testRemaining: z.number().int().openapi({ description: 'Free test codes, handed only to test runs' }),
  })
  .openapi('CodePool');

export const importCodesBodySchema = z.object({
  codes: z
    .array(z.string().trim().min(1, 'a code cannot be empty').max(MAX_CODE_LENGTH))
    .min(1, 'send at least one code')
    .max(MAX_IMPORT, `at most ${MAX_IMPORT.toLocaleString('en')} codes per request`)
    .openapi({ description: 'Handed out in this order; codes already in the pool are skipped' }),
  test: z.boolean().default(false).openapi({ description: 'Test codes: only ever handed to test runs' }),
});

/** Described here; the handler reads CSV bodies itself (codes-csv.ts): the validator only checks JSON. */
export const importCodesCsvSchema = z.string().openapi({
  description: 'One code per line, or a header row with a "code" column (other columns are ignored); comma, semicolon or tab separated',
  example: 'code,value\nWELCOME-7Q4M,10%\nWELCOME-22XD,10%\n',
});

export const importQuerySchema = z.object({
  test: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'test', in: 'query' }, description: 'CSV imports: "true" imports test codes (JSON bodies say it with "test")' }),
});

export const importResultSchema = z
  .object({
    added: z.number().int(),
    skipped: z.number().int().openapi({ description: 'Already in the pool, or repeated in the request' }),
    pool: poolStatsSchema,
  })
  .openapi('CodeImport');

export const poolSettingsSchema = z
  .object({
    description: z.string().trim().max(500).nullable().optional().openapi({ description: 'null clears it' }),
    lowThreshold: z.number().int('the threshold is a whole number').min(0, 'the threshold cannot be negative').max(MAX_IMPORT, `the threshold is at most ${MAX_IMPORT.toLocaleString('en')}`).optional().openapi({ description: 'Alert staff once when fewer codes remain; 0 turns the alert off' }),
    alertEmail: z.email('an address looks like "team@example.com"').max(320).nullable().optional().openapi({ description: 'Where the alert is emailed; null clears it' }),
  })
  .strict()
  .openapi('CodePoolSettings');
