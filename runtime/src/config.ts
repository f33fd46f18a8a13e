import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_CLI_PATH: z.string().optional(),
  NUDGEFLOW_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  NUDGEFLOW_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  NUDGEFLOW_DATA_DIR: z.string().default('.data'),
  /** Where customers reach this server: the base of tracking, unsubscribe and "view in browser" links, and of Twilio callbacks. */
  NUDGEFLOW_PUBLIC_URL: z.url().optional(),
  /** Signs links in messages so nobody can forge or enumerate them; API and workers must share it. */
  NUDGEFLOW_LINK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Email over SMTP, e.g. smtps://user:pass@smtp.example.com:465; unset: the outbox (nothing leaves the machine). */
  SMTP_URL: z.url().optional(),
  /** Default sender, e.g. "Shop <shop@example.com>"; a node's own "from" wins. */
  EMAIL_FROM: z.string().min(3).default('Nudgeflow <nudgeflow@localhost>'),
  /** SMS through Twilio when the account SID and auth token are set; unset: the outbox. */
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /** The sending number (E.164) or, instead, a messaging service SID. */
  TWILIO_FROM: z.string().min(1).optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().min(1).optional(),
  /** Another base URL for Twilio's API (a local stand-in in tests); unset: Twilio itself. */
  TWILIO_API_URL: z.url().optional(),
  /** Country assumed for phone numbers written without a country code (ISO 3166 alpha-2, e.g. CZ). */
  DEFAULT_PHONE_COUNTRY: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as CZ').optional(),
  /** Signs webhook requests (X-Nudgeflow-Signature) so the shop can verify that they come from us. */
  NUDGEFLOW_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * Hosts (or "*") that webhooks may call although they resolve to loopback or private addresses;
   * comma-separated. Unset: such requests are refused, so a flow cannot probe the internal network.
   */
  NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE: z.string().optional(),
  /** Custom node types: every *.ts, *.js and *.mjs file at the top of this folder (relative to the working directory); a missing folder means none. */
  NUDGEFLOW_PLUGINS_DIR: z.string().min(1).default('plugins'),
  /** Custom node types from npm packages, comma-separated names resolved from the working directory. */
  NUDGEFLOW_PLUGINS: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Reads the environment once, naming every bad variable at once. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
}

/** The secrets the API checks. Production sets both; the dev stack generates and keeps them. */
export interface Credentials {
  adminToken: string;
  apiKey: string;
}

export function generateCredentials(): Credentials {
  return { adminToken: `nfa_${randomBytes(24).toString('base64url')}`, apiKey: `nfk_${randomBytes(24).toString('base64url')}` };
}
