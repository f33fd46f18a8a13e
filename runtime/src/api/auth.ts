import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors';

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Admin routes: `Authorization: Bearer <admin token>`. */
export function requireAdmin(token: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!given) throw new ApiError(401, 'unauthorized', 'send the admin token as "Authorization: Bearer <token>"');
    if (!same(given, token)) throw new ApiError(401, 'unauthorized', 'the admin token is not valid');
    await next();
  };
}

/** Ingestion: `X-Api-Key: <key>`, so a shop never holds the admin token. */
export function requireApiKey(key: string): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header('x-api-key');
    if (!given) throw new ApiError(401, 'unauthorized', 'send the ingestion key in the "X-Api-Key" header');
    if (!same(given, key)) throw new ApiError(401, 'unauthorized', 'the API key is not valid');
    await next();
  };
}
