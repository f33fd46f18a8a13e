import { createHmac } from 'node:crypto';
import type { Credentials, Env } from '../config';

/**
 * What the channels need besides a provider: where links in messages point, the secret that
 * signs them, and the rules for phone numbers and webhooks. The API (which checks links and
 * provider callbacks) and every worker (which writes links) must agree on these.
 */
export interface MessagingSettings {
  /** Base of links in messages, without a trailing slash, e.g. "https://shop.example.com". */
  publicUrl: string;
  /** Signs tracking, unsubscribe and "view in browser" links. */
  linkSecret: string;
  /** ISO 3166 alpha-2 country for numbers written without a country code. */
  defaultPhoneCountry?: string;
  /** Signs webhook requests; unset: they go unsigned. */
  webhookSecret?: string;
  /** Hosts webhooks may call on loopback/private addresses; "*" allows all. Empty: none. */
  webhookAllowPrivate: string[];
}

export class MessagingConfigError extends Error {}

function localUrl(env: Env): string {
  const host = env.HOST === '0.0.0.0' || env.HOST === '127.0.0.1' ? 'localhost' : env.HOST;
  return `http://${host}:${env.PORT}`;
}

/**
 * Reads the messaging settings. Production processes pass no credentials and must set
 * NUDGEFLOW_LINK_SECRET; the dev stack derives one from its stored admin token, so links keep
 * working across restarts without another secret to manage.
 */
export function messagingSettings(env: Env, devCredentials?: Credentials): MessagingSettings {
  const linkSecret = env.NUDGEFLOW_LINK_SECRET ?? (devCredentials ? createHmac('sha256', devCredentials.adminToken).update('nudgeflow link secret').digest('base64url') : undefined);
  if (!linkSecret) throw new MessagingConfigError('set NUDGEFLOW_LINK_SECRET (at least 16 characters, the same for the API and every worker): it signs the links in messages');
  return {
    publicUrl: (env.NUDGEFLOW_PUBLIC_URL ?? localUrl(env)).replace(/\/+$/, ''),
    linkSecret,
    ...(env.DEFAULT_PHONE_COUNTRY ? { defaultPhoneCountry: env.DEFAULT_PHONE_COUNTRY } : {}),
    ...(env.NUDGEFLOW_WEBHOOK_SECRET ? { webhookSecret: env.NUDGEFLOW_WEBHOOK_SECRET } : {}),
    webhookAllowPrivate: (env.NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}
