import { z } from 'zod';

/** The API's one error shape: `{ error: { code, message, details? } }`. */
export const apiErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable, machine-readable', example: 'not_found' }),
      message: z.string().meta({ description: 'What went wrong and what to do, in plain English' }),
      details: z.unknown().optional().meta({ description: 'invalid_request: `[{path, message}]` per bad field; invalid_flow: the problems' }),
    }),
  })
  .meta({ id: 'Error' });

export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
