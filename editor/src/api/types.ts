import type { FlowGraph, NodeOutput, NodeTypeInfo as SharedNodeTypeInfo, Problem } from '@nudgeflow/shared';
import type { PortableNodeType } from '@nudgeflow/shared/plugins';

/*
 * What the runtime's API answers (see /api/docs). The graph inside is the shared FlowGraph: the
 * editor edits the stored format itself, never a second shape.
 */

export type FlowStatus = 'draft' | 'active' | 'paused';

export interface FlowSummary {
  id: string;
  name: string;
  status: FlowStatus;
  publishedVersion?: number;
  createdAt: string;
  updatedAt: string;
  /** Contacts in the flow now (running or waiting runs). */
  activeRuns: number;
  unpublishedChanges: boolean;
}

export interface FlowDetail extends Omit<FlowSummary, 'unpublishedChanges'> {
  graph: FlowGraph;
  valid: boolean;
  problems: Problem[];
}

export interface FlowVersionSummary {
  version: number;
  publishedAt: string;
  current: boolean;
}

export interface FlowVersion {
  flowId: string;
  version: number;
  publishedAt: string;
  graph: FlowGraph;
}

export interface PublishedVersion extends FlowVersion {
  warnings: Problem[];
}

/** One entry of GET /api/node-types: the palette and the config forms are built from these. */
export interface NodeTypeInfo extends Omit<SharedNodeTypeInfo, 'configSchema'> {
  /** JSON Schema (draft 2020-12, input side) of the config, with `title`, `description`, `format` form hints. */
  configSchema: JsonSchema;
  /** Only on custom node types (plugins): with it the entry is a PortableNodeType. */
  kind?: PortableNodeType['kind'];
  /** Plugins: the file or npm package the type was loaded from. */
  source?: string;
  /** Plugin triggers: the event type that starts the flow. */
  event?: string;
}

/** A catalog entry for a custom node type: everything the editor knows of it without its code. */
export type PluginNodeTypeInfo = NodeTypeInfo & PortableNodeType;

export function isPluginNodeType(info: NodeTypeInfo): info is PluginNodeTypeInfo {
  return info.kind !== undefined;
}

/** One node of a POST /api/node-types/describe request: the node as the draft has it. */
export interface DescribeNodeRequest {
  id: string;
  type: string;
  version?: number;
  config: Record<string, unknown>;
}

/** A problem the node type's own definition (run on the server) finds in a config. */
export interface DescribedProblem {
  /** Path inside the config; empty for the config as a whole. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** What the server's real definition of a custom node type says about one node's config. */
export interface NodeDescription {
  /** Absent when the config does not parse (the problems say why). */
  summary?: string;
  outputs: NodeOutput[];
  problems: DescribedProblem[];
}

export interface DescribeNodesAnswer {
  nodes: (NodeDescription & { id: string })[];
}

/** The subset of JSON Schema that zod's toJSONSchema emits for node configs. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
  [hint: string]: unknown;
}

/** The API's one error shape: `{ error: { code, message, details? } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
