import { z } from '@hono/zod-openapi';

const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ description: 'Stable, machine-readable', example: 'not_found' }),
      message: z.string().openapi({ description: 'What went wrong and what to do, in plain English' }),
      details: z.unknown().optional().openapi({ description: 'invalid_request: `[{path, message}]` per bad field; invalid_flow: the problems' }),
    }),
  })
  .openapi('Error');

/** An error response for a route's OpenAPI description; every error has the same body. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: errorBodySchema } } };
}
