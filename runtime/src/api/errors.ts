import type { ApiErrorBody } from '@nudgeflow/shared/api';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/**
 * The API's one error type. Every failure answers `{ error: { code, message, details? } }` with
 * a stable machine-readable code and a message a person can act on.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(404, 'not_found', `${what} "${id}" does not exist`);
  }
}

export function errorBody(code: string, message: string, details?: unknown): ApiErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** Request validation failures, with the path of every bad field. */
export function validationError(error: ZodError, where: string): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid';
  return new ApiError(400, 'invalid_request', `invalid ${where}: ${summary}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, issues);
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.details), error.status);
  // Hono's own HTTP errors (e.g. a malformed JSON body) carry a status.
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return c.json(errorBody('bad_request', error.message || 'bad request'), status as ContentfulStatusCode);
  console.error('unexpected API error', error);
  return c.json(errorBody('internal', 'something went wrong on our side; the error was logged'), 500);
}
