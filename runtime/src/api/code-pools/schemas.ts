import { z } from '@hono/zod-openapi';

export const MAX_IMPORT = 100_000;

export const poolNameParams = z.object({
  name: z.string().min(1).max(100, 'a pool name is at most 100 characters').openapi({ param: { name: 'name', in: 'path' }, example: 'welcome-10' }),
});

export const poolStatsSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    lowThreshold: z.number().int().openapi({ description: 'Staff are warned when fewer free codes remain' }),
    total: z.number().int().openapi({ description: 'Real codes (test codes are counted apart)' }),
    assigned: z.number().int(),
    available: z.number().int(),
    low: z.boolean().openapi({ description: 'Fewer free codes than lowThreshold' }),
    testAvailable: z.number().int().openapi({ description: 'Free test codes, handed only to test runs' }),
  })
  .openapi('CodePool');

export const importCodesBodySchema = z.object({
  codes: z
    .array(z.string().trim().min(1, 'a code cannot be empty').max(200))
    .min(1, 'send at least one code')
    .max(MAX_IMPORT, `at most ${MAX_IMPORT.toLocaleString('en')} codes per request`)
    .openapi({ description: 'Handed out in this order; codes already in the pool are skipped' }),
  test: z.boolean().default(false).openapi({ description: 'Test codes: only ever handed to test runs' }),
});

export const importResultSchema = z
  .object({
    added: z.number().int(),
    skipped: z.number().int().openapi({ description: 'Already in the pool (or repeated in the request)' }),
    pool: poolStatsSchema,
  })
  .openapi('CodeImport');
