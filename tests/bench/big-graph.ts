import type { FlowGraph, GraphEdge, GraphNode } from '@nudgeflow/shared';

/**
 * A realistic large flow: a trigger, then blocks of "check a rule -> email or SMS -> wait ->
 * tag", chained, with the last block looping back through its wait to the first block, so a run
 * keeps going until the horizon. `size` is the total node count (rounded to whole blocks).
 */
export function bigGraph(size: number): FlowGraph {
  const nodes: GraphNode[] = [{ id: 'trigger', type: 'trigger.event', position: { x: 0, y: 0 }, config: { event: 'order.created' } }];
  const edges: GraphEdge[] = [];
  const blocks = Math.max(1, Math.floor((size - 1) / 5));
  const edge = (source: string, target: string, sourceHandle?: string) =>
    edges.push({ id: `e${edges.length}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) });
  for (let b = 0; b < blocks; b++) {
    const y = 150 + b * 600;
    nodes.push(
      { id: `c${b}`, type: 'condition.rules', position: { x: 0, y }, config: { match: 'all', rules: [{ field: 'order.total', op: 'gte', value: b * 10 }] } },
      { id: `m${b}`, type: 'action.sendEmail', position: { x: -220, y: y + 150 }, config: { subject: 'Step {{ order.number }}', mjml: `<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ contact.firstName }}, step ${b}</mj-text></mj-column></mj-section></mj-body></mjml>`, transactional: true } },
      { id: `s${b}`, type: 'action.sendSms', position: { x: 220, y: y + 150 }, config: { body: `Step ${b} for {{ contact.firstName }}`, transactional: true } },
      { id: `w${b}`, type: 'wait.delay', position: { x: 0, y: y + 300 }, config: { duration: 'PT1H' } },
      { id: `t${b}`, type: 'action.tag', position: { x: 0, y: y + 450 }, config: { add: [`step-${b}`], remove: [] } },
    );
    edge(b === 0 ? 'trigger' : `t${b - 1}`, `c${b}`);
    edge(`c${b}`, `m${b}`, 'yes');
    edge(`c${b}`, `s${b}`, 'no');
    edge(`m${b}`, `w${b}`);
    edge(`s${b}`, `w${b}`);
    edge(`w${b}`, `t${b}`);
  }
  edge(`t${blocks - 1}`, 'c0');
  return { schemaVersion: 1, name: `Big flow (${nodes.length} nodes)`, settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' }, nodes, edges };
}
