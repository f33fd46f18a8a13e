import { hasChanges, type DiffNode, type FlowGraph, type GraphDiff } from '@nudgeflow/shared';

export interface ChangeSection {
  title: string;
  items: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const nodeText = (node: DiffNode) => `${node.title} (${node.id})`;

/** "First version: 5 nodes, 4 connections". */
export function firstVersionText(graph: FlowGraph): string {
  return `First version: ${plural(graph.nodes.length, 'node', 'nodes')}, ${plural(graph.edges.length, 'connection', 'connections')}`;
}

/** The changes since the live version, grouped for a list; empty when nothing but layout changed. */
export function changeSections(diff: GraphDiff): ChangeSection[] {
  const sections: ChangeSection[] = [
    { title: 'Renamed', items: diff.name ? [`“${diff.name.before}” → “${diff.name.after}”`] : [] },
    { title: 'Nodes added', items: diff.nodesAdded.map(nodeText) },
    { title: 'Nodes changed', items: diff.nodesChanged.map((n) => `${nodeText(n)}: ${n.fields.join(', ')}`) },
    { title: 'Nodes removed', items: diff.nodesRemoved.map(nodeText) },
    { title: 'Connections added', items: diff.edgesAdded.map((e) => e.text) },
    { title: 'Connections removed', items: diff.edgesRemoved.map((e) => e.text) },
    { title: 'Flow settings changed', items: diff.settingsChanged },
    { title: 'Description changed', items: diff.descriptionChanged ? ['The flow’s description was edited'] : [] },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/** What to say when the draft does the same as the live version. */
export function unchangedText(diff: GraphDiff, version: number): string | undefined {
  if (hasChanges(diff)) return undefined;
  if (diff.nodesMoved.length > 0) return `Layout only: ${plural(diff.nodesMoved.length, 'node was', 'nodes were')} moved since version ${version}; the flow works the same.`;
  return `Nothing changed since version ${version}.`;
}
