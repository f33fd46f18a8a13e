import type { z } from '@hono/zod-openapi';
import type { FlowGraph } from '@nudgeflow/shared';
import type { ingestResultSchema } from '../../runtime/src/api/events/schemas';
import type { messageSchema } from '../../runtime/src/api/messages/schemas';
import type { runDetailSchema, runSchema } from '../../runtime/src/api/runs/schemas';
import type { Credentials } from '../../runtime/src/config';

export type Run = z.infer<typeof runSchema>;
export type RunDetail = z.infer<typeof runDetailSchema>;
export type Message = z.infer<typeof messageSchema>;
export type IngestResult = z.infer<typeof ingestResultSchema>;
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
export interface ComponentHealth {
  ok: boolean;
  detail?: string;
  error?: string;
}
export interface Health {
  ok: boolean;
  postgres: ComponentHealth;
  temporal: ComponentHealth;
  worker: ComponentHealth;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  /** Wall time of the request, for the "answers without hanging" checks. */
  ms: number;
}

type Auth = 'admin' | 'apiKey' | 'none';

/** No request in these tests may hang: a stuck API fails the test instead of timing it out silently. */
const REQUEST_TIMEOUT_MS = 15_000;

/** A small client for the product's HTTP API, with the stack's admin token and ingestion key. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly credentials: Credentials,
  ) {}

  async request<T>(method: string, path: string, options: { body?: unknown; auth?: Auth } = {}): Promise<ApiResponse<T>> {
    const auth = options.auth ?? 'admin';
    const headers: Record<string, string> = {};
    if (auth === 'admin') headers.authorization = `Bearer ${this.credentials.adminToken}`;
    if (auth === 'apiKey') headers['x-api-key'] = this.credentials.apiKey;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: kept as text for the failure message.
    }
    return { status: response.status, body: body as T, ms };
  }

  /** An admin GET that must answer 200. */
  async get<T>(path: string): Promise<T> {
    const response = await this.request<T>('GET', path);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** POST /api/events with the ingestion key: one event or a batch. */
  postEvents(events: unknown): Promise<ApiResponse<IngestResult>> {
    return this.request<IngestResult>('POST', '/api/events', { body: events, auth: 'apiKey' });
  }

  /** Creates a flow and publishes it; resolves to the flow id. */
  async publishFlow(graph: FlowGraph): Promise<string> {
    const created = await this.request<{ id: string }>('POST', '/api/flows', { body: { graph } });
    if (created.status !== 201) throw new Error(`POST /api/flows answered ${created.status}: ${JSON.stringify(created.body)}`);
    const published = await this.request<{ version: number }>('POST', `/api/flows/${created.body.id}/publish`);
    if (published.status !== 201) throw new Error(`publishing flow ${created.body.id} answered ${published.status}: ${JSON.stringify(published.body)}`);
    return created.body.id;
  }

  async importCodes(pool: string, codes: string[]): Promise<void> {
    const response = await this.request('POST', `/api/code-pools/${encodeURIComponent(pool)}/codes`, { body: { codes } });
    if (response.status !== 201) throw new Error(`importing codes into ${pool} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }

  /** Every run matching the filter (one page of up to 500 is plenty for these tests). */
  async runs(filter: { flowId?: string; status?: string; nodeId?: string; contactId?: string }): Promise<Run[]> {
    const page = await this.get<Page<Run>>(`/api/runs?${query({ ...filter, limit: '500' })}`);
    if (page.nextCursor) throw new Error('more than 500 runs: the test expected far fewer');
    return page.items;
  }

  run(id: string): Promise<RunDetail> {
    return this.get<RunDetail>(`/api/runs/${encodeURIComponent(id)}`);
  }

  async messages(filter: { flowId?: string; contactId?: string; runId?: string; channel?: string }): Promise<Message[]> {
    const page = await this.get<Page<Message>>(`/api/messages?${query({ ...filter, limit: '500' })}`);
    if (page.nextCursor) throw new Error('more than 500 messages: the test expected far fewer');
    return page.items;
  }

  health(): Promise<ApiResponse<Health>> {
    return this.request<Health>('GET', '/api/health', { auth: 'none' });
  }
}

function query(params: Record<string, string | undefined>): string {
  const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams(defined).toString();
}
