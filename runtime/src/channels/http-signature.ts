import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * X-Nudgeflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>.
 * The scheme shops know from payment providers: the timestamp is signed with the body, so a
 * captured request cannot be replayed later, and v1 leaves room for another algorithm.
 */

export const SIGNATURE_HEADER = 'x-nudgeflow-signature';

/** How old a signed request may be before the verifier refuses it. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The header value for a request with this raw body (empty for a request without one), sent at `now`. */
export function signWebhook(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

export interface VerifyOptions {
  secret: string;
  /** The X-Nudgeflow-Signature header as received. */
  header: string | undefined;
  /** The raw request body exactly as received (before any JSON parsing). */
  body: string;
  now?: Date;
  toleranceSeconds?: number;
}

/** The shop's side of the scheme: whether a request is ours, recent and unchanged. */
export function verifyWebhookSignature(options: VerifyOptions): SignatureCheck {
  if (!options.header) return { ok: false, reason: 'no signature header' };
  const parts = new Map<string, string[]>();
  for (const item of options.header.split(',')) {
    const at = item.indexOf('=');
    if (at <= 0) continue;
    const key = item.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), item.slice(at + 1).trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t)) return { ok: false, reason: 'the signature header has no timestamp' };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: 'the timestamp is too old (or in the future)' };
  const expected = Buffer.from(hmac(options.secret, t, options.body), 'hex');
  // The scheme allows several v1 values in one header; one match is enough.
  const match = (parts.get('v1') ?? []).some((v) => {
    const given = Buffer.from(v, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true, timestamp: t } : { ok: false, reason: 'the signature does not match' };
}
