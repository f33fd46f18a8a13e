import type { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, flowGraphSchema, graphEdgeSchema, graphNodeSchema, type FlowGraph, type GraphEdge, type GraphNode } from '../graph/schema';
import { flowSettingsSchema, type FlowSettings } from '../graph/settings';
import type { Problem, ProblemCode } from './problems';
import { friendlyIssueMessage, pathText } from './zod-messages';

/** A node as far as it could be read; `configReadable` is false when its config or version is unusable. */
export interface ReadNode {
  node: GraphNode;
  configReadable: boolean;
}

/** The document's parts, read as far as possible even when its shape is broken. */
export interface ReadDocument {
  /** False when the input is not even an object: nothing else is worth checking. */
  readable: boolean;
  problems: Problem[];
  nodes: ReadNode[];
  edges: GraphEdge[];
  settings: FlowSettings;
  graph?: FlowGraph;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isVersion(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isInteger(value) && value > 0);
}

function schemaVersionProblem(value: unknown): Problem {
  const message =
    value === undefined
      ? `schemaVersion is missing; it must be ${CURRENT_SCHEMA_VERSION}`
      : `schemaVersion must be ${CURRENT_SCHEMA_VERSION}; this file says ${JSON.stringify(value)}`;
  return { severity: 'error', code: 'schema-version', message, field: 'schemaVersion' };
}

function elementId(list: unknown, index: unknown): string | undefined {
  if (!Array.isArray(list) || typeof index !== 'number') return undefined;
  const element: unknown = list[index];
  return isRecord(element) && typeof element.id === 'string' && element.id !== '' ? element.id : undefined;
}

/** One zod issue of the document, placed on the node or edge it is about. */
function issueProblem(input: Record<string, unknown>, issue: z.core.$ZodIssue): Problem {
  const [head, index, ...rest] = issue.path;
  const base = { severity: 'error' as const, message: issue.message };
  if ((head === 'nodes' || head === 'edges') && typeof index === 'number') {
    const id = elementId(input[head], index);
    const code: ProblemCode = head === 'nodes' ? 'invalid-node' : 'invalid-edge';
    if (id === undefined) return { ...base, code, field: pathText(issue.path) };
    const field = pathText(rest);
    return { ...base, code, ...(head === 'nodes' ? { nodeId: id } : { edgeId: id }), ...(field ? { field } : {}) };
  }
  const code: ProblemCode = head === 'settings' ? 'invalid-settings' : 'invalid-document';
  const field = pathText(issue.path);
  return { ...base, code, ...(field ? { field } : {}) };
}

/** A node whose shape is broken but whose id is readable still takes part in the graph checks. */
function readNode(raw: unknown): ReadNode | undefined {
  const parsed = graphNodeSchema.safeParse(raw);
  if (parsed.success) return { node: parsed.data, configReadable: true };
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') return undefined;
  const config = raw.config ?? {};
  const configReadable = isRecord(config) && isVersion(raw.version);
  return {
    node: {
      id: raw.id,
      type: typeof raw.type === 'string' ? raw.type : '',
      ...(configReadable && raw.version !== undefined ? { version: raw.version as number } : {}),
      position: { x: 0, y: 0 },
      config: isRecord(config) ? config : {},
    },
    configReadable,
  };
}

function readEdge(raw: unknown): GraphEdge | undefined {
  const parsed = graphEdgeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (!isRecord(raw) || typeof raw.source !== 'string' || typeof raw.target !== 'string') return undefined;
  return {
    id: typeof raw.id === 'string' ? raw.id : '',
    source: raw.source,
    target: raw.target,
    ...(typeof raw.sourceHandle === 'string' ? { sourceHandle: raw.sourceHandle } : {}),
  };
}

function readList<T>(list: unknown, read: (raw: unknown) => T | undefined): T[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw) => {
    const item = read(raw);
    return item === undefined ? [] : [item];
  });
}

/** Checks the document's shape and reads its nodes, edges and settings for the deeper checks. */
export function readDocument(input: unknown): ReadDocument {
  const defaults = flowSettingsSchema.parse({});
  if (!isRecord(input))
    return {
      readable: false,
      problems: [{ severity: 'error', code: 'invalid-document', message: `a flow must be a JSON object, not ${Array.isArray(input) ? 'a list' : typeof input}` }],
      nodes: [],
      edges: [],
      settings: defaults,
    };

  const parsed = flowGraphSchema.safeParse(input, { error: friendlyIssueMessage });
  if (parsed.success) {
    const graph = parsed.data;
    return { readable: true, problems: [], nodes: graph.nodes.map((node) => ({ node, configReadable: true })), edges: graph.edges, settings: graph.settings, graph };
  }

  const problems: Problem[] = [];
  if (input.schemaVersion !== CURRENT_SCHEMA_VERSION) problems.push(schemaVersionProblem(input.schemaVersion));
  for (const issue of parsed.error.issues) if (issue.path[0] !== 'schemaVersion') problems.push(issueProblem(input, issue));
  const settings = flowSettingsSchema.safeParse(input.settings ?? {});
  return {
    readable: true,
    problems,
    nodes: readList(input.nodes, readNode),
    edges: readList(input.edges, readEdge),
    settings: settings.success ? settings.data : defaults,
  };
}
