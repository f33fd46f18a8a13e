import type { FlowGraph } from '@nudgeflow/shared';
import { takeEarly } from './early-requests';
import type { ApiErrorBody, DescribeNodeRequest, DescribeNodesAnswer, FlowDetail, FlowSummary, FlowVersion, FlowVersionSummary, NodeTypeInfo, PublishedVersion } from './types';

/** A failed API call, with the server's code, message and details (e.g. every bad field). */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type TokenSource = () => string | undefined;

export const apiPaths = {
  flows: '/api/flows',
  flow: (id: string) => `/api/flows/${encodeURIComponent(id)}`,
  nodeTypes: '/api/node-types',
};

/**
 * The runtime's admin API. One small function per call; every failure becomes an ApiCallError
 * whose message is the server's own (it already names the node, field or line).
 */
export function createApiClient(token: TokenSource, base = '') {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    const current = token();
    if (current) headers.authorization = `Bearer ${current}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      const early = method === 'GET' ? takeEarly(`${base}${path}`, current) : undefined;
      response = await (early ?? fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
    } catch (error) {
      throw new ApiCallError(0, 'unreachable', `the Nudgeflow server did not answer (${error instanceof Error ? error.message : String(error)})`);
    }
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const failure = (parsed as ApiErrorBody | undefined)?.error;
      throw new ApiCallError(response.status, failure?.code ?? 'http_error', failure?.message ?? `${method} ${path} answered ${response.status}`, failure?.details);
    }
    return parsed as T;
  }

  const flow = apiPaths.flow;
  return {
    listFlows: () => call<FlowSummary[]>('GET', apiPaths.flows),
    getFlow: (id: string) => call<FlowDetail>('GET', flow(id)),
    createFlow: (graph: FlowGraph) => call<FlowDetail>('POST', '/api/flows', { graph }),
    saveFlow: (id: string, graph: FlowGraph) => call<FlowDetail>('PUT', flow(id), { graph }),
    publishFlow: (id: string) => call<PublishedVersion>('POST', `${flow(id)}/publish`),
    pauseFlow: (id: string) => call<FlowDetail>('POST', `${flow(id)}/pause`),
    resumeFlow: (id: string) => call<FlowDetail>('POST', `${flow(id)}/resume`),
    duplicateFlow: (id: string) => call<FlowDetail>('POST', `${flow(id)}/duplicate`),
    deleteFlow: (id: string) => call<{ id: string; deleted: true }>('DELETE', flow(id)),
    listVersions: (id: string) => call<FlowVersionSummary[]>('GET', `${flow(id)}/versions`),
    getVersion: (id: string, version: number) => call<FlowVersion>('GET', `${flow(id)}/versions/${version}`),
    nodeTypes: () => call<NodeTypeInfo[]>('GET', apiPaths.nodeTypes),
    /** Summaries, outputs and problems of custom-type nodes, from their real definitions on the server. */
    describeNodes: (nodes: DescribeNodeRequest[]) => call<DescribeNodesAnswer>('POST', `${apiPaths.nodeTypes}/describe`, { nodes }),
    /** Any other route (templates, previews): typed by the caller. */
    call,
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
