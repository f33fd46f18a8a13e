import type { GraphNode } from '@nudgeflow/shared';
import type { NodeTypeInfo } from '../api/types';
import type { NodeChoice } from './form/form-env';

/** A node's choice in a node-reference select: "Reminder email (email1)". */
export function choiceFor(node: GraphNode, types: readonly NodeTypeInfo[]): NodeChoice {
  const title = node.label || types.find((t) => t.type === node.type)?.title || node.type;
  return { id: node.id, label: `${title} (${node.id})` };
}

export interface FieldChoice extends NodeChoice {
  field: string;
}

/** For each reference field, the other nodes of the flow it may name. */
export function nodeChoices(nodes: readonly GraphNode[], refs: ReadonlyMap<string, string[] | undefined>, selfId: string, types: readonly NodeTypeInfo[]): FieldChoice[] {
  return [...refs].flatMap(([field, allowed]) =>
    nodes.filter((n) => n.id !== selfId && (!allowed || allowed.includes(n.type))).map((n) => ({ field, ...choiceFor(n, types) })),
  );
}

export function groupChoices(choices: readonly FieldChoice[]): Map<string, NodeChoice[]> {
  const byField = new Map<string, NodeChoice[]>();
  for (const { field, id, label } of choices) byField.set(field, [...(byField.get(field) ?? []), { id, label }]);
  return byField;
}

/** Store selectors return fresh arrays: these keep the old one while the content is the same. */
export function sameChoices(a: readonly FieldChoice[], b: readonly FieldChoice[]): boolean {
  return a.length === b.length && a.every((x, i) => x.field === b[i]?.field && x.id === b[i]?.id && x.label === b[i]?.label);
}

export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
