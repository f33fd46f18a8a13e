import { builtinRegistry, flowGraphSchema, parseJson, validate, type FlowGraph, type Problem, type ProblemCode } from '@nudgeflow/shared';

/** A flow file read for Import: the graph, or what is wrong with the file and where. */
export type FlowFile = { ok: true; graph: FlowGraph } | { ok: false; message: string; details: string[] };

// The validator's problems about the document's shape (not a draft's gaps, which import keeps).
const shapeCodes = new Set<ProblemCode>(['invalid-document', 'schema-version', 'invalid-settings', 'invalid-node', 'invalid-edge']);
const shown = 5;

function where(p: Problem): string {
  const place = p.nodeId !== undefined ? `node ${p.nodeId}` : p.edgeId !== undefined ? `edge ${p.edgeId}` : '';
  if (place && p.field) return `${place} › ${p.field}`;
  return place || p.field || 'the flow';
}

/** "nodes[2].position.x" */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/**
 * Reads a flow file in the CLI's format (the graph JSON that `nudgeflow validate` and the
 * templates use). Only the shape must be right: a draft with missing settings or loose ends is
 * imported and its problems show in the editor, as they would after drawing it.
 */
export function parseFlowFile(text: string, fileName: string): FlowFile {
  const json = parseJson(text);
  if (!json.ok) {
    const { line, column, message } = json.error;
    const at = line === undefined ? '' : ` (line ${line}, column ${column})`;
    return { ok: false, message: `${fileName} is not valid JSON${at}: ${message}`, details: [] };
  }
  const parsed = flowGraphSchema.safeParse(json.value);
  if (parsed.success) return { ok: true, graph: parsed.data };

  // Shape problems do not depend on node types: the built-in registry gives the same ones.
  const shape = validate(json.value, builtinRegistry).problems.filter((p) => p.severity === 'error' && shapeCodes.has(p.code));
  const all = shape.length > 0 ? shape.map((p) => `${where(p)}: ${p.message}`) : parsed.error.issues.map((i) => `${pathText(i.path) || 'the flow'}: ${i.message}`);
  const details = all.length > shown ? [...all.slice(0, shown), `…and ${all.length - shown} more`] : all;
  return { ok: false, message: `${fileName} is not a Nudgeflow flow; nothing was changed.`, details };
}

/** Export writes the draft exactly as stored, readable and diffable. */
export function flowFileText(graph: FlowGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

/** "<flow name>.json", without characters file systems refuse. */
export function flowFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  return `${safe || 'flow'}.json`;
}
