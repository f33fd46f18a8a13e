import type { Context } from 'hono';
import twilio from 'twilio';
import type { ZodType } from 'zod';
import { ApiError, validationError } from '../errors';
import type { TwilioRouteDeps } from './deps';

/** Form fields as Twilio posts them; a repeated field keeps every value (the signature covers them all). */
function formFields(body: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

/**
 * The fields of a request Twilio signed (X-Twilio-Signature: HMAC-SHA1 of the URL it called and
 * the sorted form fields, keyed with our auth token), checked against `schema`. Twilio signs the
 * public address it was given, not the one this server sees behind a proxy, so the URL is
 * rebuilt from NUDGEFLOW_PUBLIC_URL. Anything unsigned or signed otherwise: 403.
 */
export async function signedTwilioForm<T>(c: Context, deps: TwilioRouteDeps, schema: ZodType<T>): Promise<T> {
  const authToken = deps.twilio?.authToken;
  if (!authToken) throw new ApiError(403, 'twilio_not_configured', 'Twilio callbacks are refused: TWILIO_AUTH_TOKEN is not set for the API, so their signatures cannot be checked');
  const fields = formFields(await c.req.text());
  const url = `${deps.messaging.publicUrl}${c.req.path}${new URL(c.req.url).search}`;
  const signature = c.req.header('x-twilio-signature');
  if (!signature) throw new ApiError(403, 'invalid_signature', 'the X-Twilio-Signature header is missing: only Twilio may call this address');
  if (!twilio.validateRequest(authToken, signature, url, fields))
    throw new ApiError(403, 'invalid_signature', `the X-Twilio-Signature does not match a request to ${url}: check TWILIO_AUTH_TOKEN, and that NUDGEFLOW_PUBLIC_URL is the address set in Twilio`);
  const parsed = schema.safeParse(fields);
  if (!parsed.success) throw validationError(parsed.error, 'Twilio callback');
  return parsed.data;
}
