import { CliError } from './io';

export const DEFAULT_API_URL = 'http://localhost:3000';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** The `{ error }` body every API failure has. */
export function apiError(body: unknown): { code: string; message: string; details?: unknown } | undefined {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string' ? { code: error.code, message: error.message, details: error.details } : undefined;
}

/** The admin API of a running Nudgeflow, for commands that work through it (`nudgeflow test`). */
export class AdminApi {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token: string,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The URL from --url, else NUDGEFLOW_URL, else the dev default; the token from NUDGEFLOW_ADMIN_TOKEN. */
  static fromEnv(url: string | undefined, env: NodeJS.ProcessEnv = process.env): AdminApi {
    const token = env.NUDGEFLOW_ADMIN_TOKEN;
    if (!token) throw new CliError('set NUDGEFLOW_ADMIN_TOKEN to the admin token (`nudgeflow dev` prints it and keeps it in .data/dev-credentials.json)');
    return new AdminApi(url ?? env.NUDGEFLOW_URL ?? DEFAULT_API_URL, token);
  }

  /** One request; an API that cannot be reached or refuses the token is a CliError naming the URL. */
  async call(method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot reach the Nudgeflow API at ${this.baseUrl} (${cause?.code ?? cause?.message ?? String(error)}); is it running? (--url or NUDGEFLOW_URL)`);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (a proxy's error page): kept as text for the message.
    }
    if (response.status === 401) throw new CliError(`the API at ${this.baseUrl} refused the admin token in NUDGEFLOW_ADMIN_TOKEN`);
    return { status: response.status, body: parsed };
  }
}
