import type { GraphEdge } from '../graph/schema';
import type { NodeInfo } from './node-checks';
import type { Problem } from './problems';

function isTrigger(info: NodeInfo): boolean {
  return info.def?.category === 'trigger';
}

/**
 * Successor lists by node position, for the edges whose both ends exist. An edge into a trigger
 * is left out: it is an error of its own and can never be followed, so it closes no loop.
 */
function successorLists(nodes: readonly NodeInfo[], edges: readonly GraphEdge[]): number[][] {
  const position = new Map(nodes.map((info, i) => [info.node.id, i]));
  const successors: number[][] = nodes.map(() => []);
  for (const edge of edges) {
    const from = position.get(edge.source);
    const to = position.get(edge.target);
    if (from !== undefined && to !== undefined && !isTrigger(nodes[to]!)) successors[from]!.push(to);
  }
  return successors;
}

function checkTriggers(nodes: readonly NodeInfo[]): Problem[] {
  const triggers = nodes.filter(isTrigger);
  if (triggers.length === 0)
    return [{ severity: 'error', code: 'no-trigger', message: 'the flow has no trigger; add one (for example "When an event happens") so that runs can start' }];
  if (triggers.length === 1) return [];
  const ids = triggers.map((t) => t.node.id).join(', ');
  const message = `the flow has ${triggers.length} triggers (${ids}); a flow starts from exactly one, so remove the others`;
  return [{ severity: 'error', code: 'multiple-triggers', message, nodeId: triggers[1]!.node.id }];
}

function checkReachable(nodes: readonly NodeInfo[], successors: readonly number[][]): Problem[] {
  const seen = new Uint8Array(nodes.length);
  const queue: number[] = [];
  nodes.forEach((info, i) => {
    if (isTrigger(info)) {
      seen[i] = 1;
      queue.push(i);
    }
  });
  // Without a trigger nothing is reachable; "no trigger" already says all there is to say.
  if (queue.length === 0) return [];
  for (let head = 0; head < queue.length; head++)
    for (const next of successors[queue[head]!]!)
      if (!seen[next]) {
        seen[next] = 1;
        queue.push(next);
      }
  return nodes.flatMap((info, i): Problem[] =>
    seen[i]
      ? []
      : [{ severity: 'error', code: 'unreachable', nodeId: info.node.id, message: 'this node is unreachable: no path from the trigger leads to it, so it never runs; connect it or remove it' }],
  );
}

/** Tarjan's strongly connected components over the included nodes, iteratively (graphs may be deep). */
function components(successors: readonly number[][], included: (v: number) => boolean): number[][] {
  const n = successors.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const found: number[][] = [];
  let counter = 0;
  const enter = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
  };
  for (let root = 0; root < n; root++) {
    if (!included(root) || index[root] !== -1) continue;
    enter(root);
    const work: [node: number, next: number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      const next = successors[v]!;
      if (i < next.length) {
        frame[1] = i + 1;
        const w = next[i]!;
        if (!included(w)) continue;
        if (index[w] === -1) {
          enter(w);
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      found.push(component);
    }
  }
  return found;
}

/** A loop is fine when it waits somewhere; without a wait a run would spin through it instantly, forever. */
function checkCycles(nodes: readonly NodeInfo[], successors: readonly number[][]): Problem[] {
  const waits = (v: number): boolean => nodes[v]!.def?.category === 'wait';
  const loops = components(successors, (v) => !waits(v))
    .map((component) => component.sort((a, b) => a - b))
    .filter((component) => component.length > 1 || successors[component[0]!]!.includes(component[0]!))
    .sort((a, b) => a[0]! - b[0]!);
  return loops.map((component): Problem => {
    const ids = component.map((v) => nodes[v]!.node.id);
    const what = ids.length === 1 ? `node ${ids[0]} leads back to itself` : `nodes ${ids.join(', ')} form a loop`;
    return {
      severity: 'error',
      code: 'cycle-without-wait',
      nodeId: ids[0]!,
      message: `${what} without a wait, so a run would go round it endlessly; put a wait in the loop or break it`,
    };
  });
}

/** Triggers, reachability and waitless loops, over nodes with unique ids (in document order). */
export function checkStructure(nodes: readonly NodeInfo[], edges: readonly GraphEdge[]): Problem[] {
  const successors = successorLists(nodes, edges);
  return [...checkTriggers(nodes), ...checkReachable(nodes, successors), ...checkCycles(nodes, successors)];
}
