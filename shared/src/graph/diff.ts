import { z } from 'zod';
import type { NodeRegistry } from '../nodes/registry';
import type { AnyNodeDefinition } from '../nodes/types';
import type { FlowGraph, GraphEdge, GraphNode } from './schema';
import type { FlowSettings } from './settings';

/** A node as the change summary names it: the marketer's label, else its type's title. */
export interface DiffNode {
  id: string;
  type: string;
  title: string;
}

export interface NodeChange extends DiffNode {
  /** What changed, by form label: "Subject", "Wait for", "Name" (the label), "Type". */
  fields: string[];
}

export interface DiffEdge {
  source: string;
  /** The source's output; undefined for the only output "next". */
  sourceHandle?: string;
  target: string;
  /** "Wait for payment (Timeout) → Reminder SMS". */
  text: string;
}

export interface GraphDiff {
  name?: { before: string; after: string };
  descriptionChanged: boolean;
  nodesAdded: DiffNode[];
  nodesRemoved: DiffNode[];
  nodesChanged: NodeChange[];
  edgesAdded: DiffEdge[];
  edgesRemoved: DiffEdge[];
  /** Flow settings that changed, by label ("Re-entry", "Send window"). */
  settingsChanged: string[];
  /** Nodes whose position alone changed: layout, which does not change what the flow does. */
  nodesMoved: string[];
}

const settingLabels: Record<keyof FlowSettings, string> = {
  reentry: 'Re-entry',
  runPer: 'One run per',
  exitOn: 'Exit when',
  sendWindow: 'Send window',
  frequencyCap: 'Frequency cap',
  timezone: 'Time zone',
};

/** JSON equality that ignores key order and keys holding undefined (JSON drops those). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameJson(left[key], right[key])) return false;
  return true;
}

/** Keys whose values differ, in the order they first appear. */
function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => !sameJson(a[key], b[key]));
}

const fieldTitles = new WeakMap<AnyNodeDefinition, Map<string, string>>();

/** Top-level config keys to their form titles, from every variant of the type's schema. */
function titlesOf(def: AnyNodeDefinition): Map<string, string> {
  let titles = fieldTitles.get(def);
  if (!titles) {
    titles = new Map();
    const found = titles;
    type Json = { properties?: Record<string, { title?: string }>; oneOf?: Json[]; anyOf?: Json[] };
    const visit = (schema: Json) => {
      for (const [key, property] of Object.entries(schema.properties ?? {})) if (property.title && !found.has(key)) found.set(key, property.title);
      for (const variant of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) visit(variant);
    };
    try {
      visit(z.toJSONSchema(def.configSchema, { io: 'input', unrepresentable: 'any' }) as Json);
    } catch {
      // A plugin schema JSON Schema cannot express: the raw keys name its fields instead.
    }
    fieldTitles.set(def, titles);
  }
  return titles;
}

/** The config as the type reads it (defaults applied), so writing out a default is not a change. */
function effectiveConfig(def: AnyNodeDefinition | undefined, config: Record<string, unknown>): Record<string, unknown> {
  const parsed = def?.configSchema.safeParse(config);
  return parsed?.success && typeof parsed.data === 'object' && parsed.data !== null ? (parsed.data as Record<string, unknown>) : config;
}

function describeNode(node: GraphNode, registry: NodeRegistry): DiffNode {
  return { id: node.id, type: node.type, title: node.label || registry.get(node.type)?.title || node.type };
}

function nodeFieldChanges(before: GraphNode, after: GraphNode, registry: NodeRegistry): string[] {
  const fields: string[] = [];
  if ((before.label ?? '') !== (after.label ?? '')) fields.push('Name');
  if (before.type !== after.type) return [...fields, 'Type'];
  if ((before.version ?? 1) !== (after.version ?? 1)) fields.push('Version');
  const def = registry.get(after.type);
  const keys = changedKeys(effectiveConfig(def, before.config), effectiveConfig(def, after.config));
  const titles = def ? titlesOf(def) : new Map<string, string>();
  return [...fields, ...keys.map((key) => titles.get(key) ?? key)];
}

/** An edge by what it connects: an edge re-created with a new id is the same connection. */
function edgeKey(edge: GraphEdge): string {
  return `${edge.source}\u0000${edge.sourceHandle ?? 'next'}\u0000${edge.target}`;
}

function outputLabel(node: GraphNode | undefined, handle: string, registry: NodeRegistry): string {
  const def = node && registry.get(node.type);
  if (!node || !def) return handle;
  try {
    const parsed = def.configSchema.safeParse(node.config);
    const outputs = def.outputs(parsed.success ? parsed.data : def.configSchema.parse(def.defaults));
    return outputs.find((output) => output.id === handle)?.label ?? handle;
  } catch {
    return handle;
  }
}

function describeEdge(edge: GraphEdge, graph: FlowGraph, registry: NodeRegistry): DiffEdge {
  const source = graph.nodes.find((n) => n.id === edge.source);
  const target = graph.nodes.find((n) => n.id === edge.target);
  const name = (node: GraphNode | undefined, id: string) => (node ? describeNode(node, registry).title : id);
  const handle = edge.sourceHandle && edge.sourceHandle !== 'next' ? ` (${outputLabel(source, edge.sourceHandle, registry)})` : '';
  return {
    source: edge.source,
    ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
    target: edge.target,
    text: `${name(source, edge.source)}${handle} → ${name(target, edge.target)}`,
  };
}

/** What changed from `before` (e.g. the live version) to `after` (the draft), for people to read. */
export function diffGraphs(before: FlowGraph, after: FlowGraph, registry: NodeRegistry): GraphDiff {
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const diff: GraphDiff = {
    descriptionChanged: (before.description ?? '') !== (after.description ?? ''),
    nodesAdded: after.nodes.filter((n) => !beforeNodes.has(n.id)).map((n) => describeNode(n, registry)),
    nodesRemoved: before.nodes.filter((n) => !afterNodes.has(n.id)).map((n) => describeNode(n, registry)),
    nodesChanged: [],
    edgesAdded: [],
    edgesRemoved: [],
    settingsChanged: changedKeys(before.settings as Record<string, unknown>, after.settings as Record<string, unknown>).map((key) => settingLabels[key as keyof FlowSettings] ?? key),
    nodesMoved: [],
  };
  if (before.name !== after.name) diff.name = { before: before.name, after: after.name };
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) continue;
    const fields = nodeFieldChanges(old, node, registry);
    if (fields.length > 0) diff.nodesChanged.push({ ...describeNode(node, registry), fields });
    else if (old.position.x !== node.position.x || old.position.y !== node.position.y) diff.nodesMoved.push(node.id);
  }
  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  diff.edgesAdded = after.edges.filter((e) => !beforeEdges.has(edgeKey(e))).map((e) => describeEdge(e, after, registry));
  diff.edgesRemoved = before.edges.filter((e) => !afterEdges.has(edgeKey(e))).map((e) => describeEdge(e, before, registry));
  return diff;
}

/** True when the flow would behave or read differently; moving nodes around alone is not a change. */
export function hasChanges(diff: GraphDiff): boolean {
  return (
    diff.name !== undefined ||
    diff.descriptionChanged ||
    diff.nodesAdded.length + diff.nodesRemoved.length + diff.nodesChanged.length > 0 ||
    diff.edgesAdded.length + diff.edgesRemoved.length > 0 ||
    diff.settingsChanged.length > 0
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line for a list: "2 nodes added, 1 changed · 3 connections changed · settings changed", "Layout only", "No changes". */
export function summarizeDiff(diff: GraphDiff): string {
  if (!hasChanges(diff)) return diff.nodesMoved.length > 0 ? 'Layout only' : 'No changes';
  const nodeParts = (
    [
      [diff.nodesAdded.length, 'added'],
      [diff.nodesChanged.length, 'changed'],
      [diff.nodesRemoved.length, 'removed'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, verb], i) => (i === 0 ? `${count(n, 'node', 'nodes')} ${verb}` : `${n} ${verb}`));
  const edgeCount = diff.edgesAdded.length + diff.edgesRemoved.length;
  return [
    nodeParts.join(', '),
    edgeCount ? `${count(edgeCount, 'connection', 'connections')} changed` : '',
    diff.settingsChanged.length ? 'settings changed' : '',
    diff.name ? 'renamed' : '',
    diff.descriptionChanged ? 'description changed' : '',
  ]
    .filter(Boolean)
    .join(' · ')
    .replace(/^./, (first) => first.toUpperCase());
}
