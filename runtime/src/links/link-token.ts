import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a link in a message does when followed. `message` is the message's idempotency key (see
 * message-links.ts for why not its row id); a click link also carries where it leads.
 */
export type LinkTarget = { kind: 'open'; message: string } | { kind: 'unsubscribe'; message: string } | { kind: 'view'; message: string } | { kind: 'click'; message: string; url: string };

export type LinkKind = LinkTarget['kind'];

// One letter per kind keeps tokens short; the letters are part of the signed payload.
const codeOf = { open: 'o', click: 'c', unsubscribe: 'u', view: 'v' } as const satisfies Record<LinkKind, string>;
const kindOf: Record<string, LinkKind> = { o: 'open', c: 'click', u: 'unsubscribe', v: 'view' };

/** 128 bits of HMAC-SHA256: far beyond guessing, and a short enough token for a URL. */
const SIGNATURE_BYTES = 16;
/** Longer tokens are refused before any work is done on them. */
const MAX_TOKEN_LENGTH = 4096;

function signature(secret: string, payload: string): Buffer {
  // The prefix keeps these signatures apart from anything else the same secret might sign.
  return createHmac('sha256', secret).update(`nudgeflow-link.${payload}`).digest().subarray(0, SIGNATURE_BYTES);
}

/** A compact token: base64url(JSON payload) "." base64url(truncated HMAC). Readable, but unforgeable without the secret. */
export function signLink(secret: string, target: LinkTarget): string {
  const body = target.kind === 'click' ? { k: codeOf.click, m: target.message, u: target.url } : { k: codeOf[target.kind], m: target.message };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

function parsePayload(payload: string): LinkTarget | undefined {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const { k, m, u } = body as Record<string, unknown>;
  const kind = typeof k === 'string' ? kindOf[k] : undefined;
  if (kind === undefined || typeof m !== 'string' || m === '') return undefined;
  if (kind === 'click') return typeof u === 'string' && u !== '' ? { kind, message: m, url: u } : undefined;
  return { kind, message: m };
}

/** The link's target when the token was signed with this secret; undefined for anything forged, garbled or cut short. */
export function verifyLink(secret: string, token: string): LinkTarget | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const dot = token.indexOf('.');
  if (dot <= 0) return undefined;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = signature(secret, payload);
  // Compared in constant time, so the signature cannot be found byte by byte from response times.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return parsePayload(payload);
}
