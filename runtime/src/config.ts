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
