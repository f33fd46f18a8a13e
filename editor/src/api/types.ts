import type { DescribedNode, NodeTypeEntry } from '@nudgeflow/shared/api';
import type { PortableNodeType } from '@nudgeflow/shared/plugins';

/*
 * What the runtime's API answers (see /api/docs) is the contract in @nudgeflow/shared/api: types
 * only here, so that no schema code joins the bundle. The graph inside is the shared FlowGraph:
 * the editor edits the stored format itself, never a second shape.
 */
export type {
  ApiErrorBody,
  DescribedProblem,
  DescribeNodeRequest,
  DescribeNodesAnswer,
  FlowDetail,
  FlowStatus,
  FlowSummary,
  FlowVersion,
  FlowVersionSummary,
  PublishedVersion,
} from '@nudgeflow/shared/api';

/** One entry of GET /api/node-types, its config schema typed for the forms built from it. */
export type NodeTypeInfo = Omit<NodeTypeEntry, 'configSchema'> & {
  /** JSON Schema (draft 2020-12, input side) of the config, with `title`, `description`, `format` form hints. */
  configSchema: JsonSchema;
};

/** A catalog entry for a custom node type: everything the editor knows of it without its code. */
export type PluginNodeTypeInfo = NodeTypeInfo & PortableNodeType;

export function isPluginNodeType(info: NodeTypeInfo): info is PluginNodeTypeInfo {
  return info.kind !== undefined;
}

/** What the server's real definition of a custom node type says about one node's config. */
export type NodeDescription = Omit<DescribedNode, 'id'>;

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
