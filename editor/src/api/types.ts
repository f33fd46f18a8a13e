import type { FlowGraph, NodeCategory, Problem } from '@nudgeflow/shared';

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
export interface NodeTypeInfo {
  type: string;
  title: string;
  description: string;
  category: NodeCategory;
  icon: string;
  color: string;
  version: number;
  outputs: { id: string; label: string }[];
  defaults: Record<string, unknown>;
  /** JSON Schema (draft 2020-12, input side) of the config, with `title`, `description`, `format` form hints. */
  configSchema: JsonSchema;
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
