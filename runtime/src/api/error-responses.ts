import { apiErrorBodySchema } from '@nudgeflow/shared/api';

/** An error response for a route's OpenAPI description; every error has the same body. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: apiErrorBodySchema } } };
}
