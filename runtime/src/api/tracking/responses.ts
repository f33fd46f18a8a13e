import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invalidLinkPage } from './pages';
import type { HitRequest } from './record-engagement';

/** OpenAPI description of an HTML page answer. */
export function htmlResponse(description: string) {
  return { description, content: { 'text/html': { schema: z.string() } } };
}

export const tokenParams = z.object({
  token: z.string().openapi({ description: 'The signed token from the link in the email', example: 'eyJrIjoibyIsIm0iOiJydW4tMTptYWlsOjEifQ.PDAb78rSQu8DGu3cKrQUjA' }),
});

/** Pages that depend on a secret link are never cached, nor indexed, nor passed on as a referrer. */
export const privatePageHeaders = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };

export function invalidLink(c: Context): Response {
  return c.html(invalidLinkPage, 404, privatePageHeaders);
}

/** Logs what could not be recorded; the customer still gets the page, the image or the redirect. */
export function logRecordingFailure(what: string) {
  return (error: unknown) => console.error(`could not record ${what}:`, error);
}

/** Who followed the link, as far as the request tells (api/tracking/machine-hit.ts decides). */
export function hitRequest(c: Context): HitRequest {
  return { method: c.req.method, userAgent: c.req.header('user-agent') };
}
