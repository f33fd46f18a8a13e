import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCredentials, type Credentials, type Env } from '../config';

/**
 * The dev stack's admin token and ingestion key: from the environment when set, otherwise
 * generated once and kept in the data folder, so a restart does not log everyone out.
 */
export async function devCredentials(env: Env): Promise<Credentials> {
  const file = path.join(env.NUDGEFLOW_DATA_DIR, 'dev-credentials.json');
  let stored: Partial<Credentials> = {};
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as Partial<Credentials>;
  } catch {
    // First start: nothing stored yet.
  }
  const fresh = generateCredentials();
  const credentials: Credentials = {
    adminToken: env.NUDGEFLOW_ADMIN_TOKEN ?? stored.adminToken ?? fresh.adminToken,
    apiKey: env.NUDGEFLOW_API_KEY ?? stored.apiKey ?? fresh.apiKey,
  };
  if (credentials.adminToken !== stored.adminToken || credentials.apiKey !== stored.apiKey) {
    await mkdir(env.NUDGEFLOW_DATA_DIR, { recursive: true });
    await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  }
  return credentials;
}

/** Production never invents secrets: both must be configured. */
export function requiredCredentials(env: Env): Credentials {
  const missing = [!env.NUDGEFLOW_ADMIN_TOKEN && 'NUDGEFLOW_ADMIN_TOKEN', !env.NUDGEFLOW_API_KEY && 'NUDGEFLOW_API_KEY'].filter(Boolean);
  if (missing.length) throw new Error(`set ${missing.join(' and ')} (at least 16 characters each)`);
  return { adminToken: env.NUDGEFLOW_ADMIN_TOKEN as string, apiKey: env.NUDGEFLOW_API_KEY as string };
}
