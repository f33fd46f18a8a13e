import type { FlowGraph } from '../graph/schema';

/** Every kind of problem the validator reports; tests and the editor enumerate them. */
export const problemCodes = [
  // The document itself
  'invalid-document',
  'schema-version',
  'invalid-settings',
  'invalid-node',
  'invalid-edge',
  // One node
  'unknown-type',
  'version-too-new',
  'invalid-config',
  'config-check',
  'definition-error',
  'template-syntax',
  'unknown-filter',
  'unknown-variable',
  'unsupported-tag',
  'missing-mjml-root',
  // Reported by the runtime (MJML cannot run in the browser): the email's MJML has errors.
  'invalid-mjml',
  'invalid-node-ref',
  // Edges
  'duplicate-node-id',
  'duplicate-edge-id',
  'dangling-edge',
  'unknown-output',
  'missing-output',
  'output-reused',
  'duplicate-edge',
  'edge-into-trigger',
  'edge-from-end',
  // The graph as a whole
  'no-trigger',
  'multiple-triggers',
  'unreachable',
  'cycle-without-wait',
  // Warnings
  'dead-end-wait',
  'exit-on-trigger-event',
  'unassigned-code-pool',
  'missing-unsubscribe',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  /** Plain English, naming the place where that is not obvious from the other fields. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** A path inside the node config ("rules.0.value") or, without nodeId/edgeId, inside the graph ("settings.sendWindow.from"). */
  field?: string;
  /** Inside a template (1-based). */
  line?: number;
  column?: number;
}

export interface ValidationResult {
  /** True when no problem is an error; warnings do not block publishing. */
  ok: boolean;
  problems: Problem[];
  /** The parsed graph (defaults applied), when the document's shape is valid. */
  graph?: FlowGraph;
}
