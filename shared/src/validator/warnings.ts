import type { GraphEdge } from '../graph/schema';
import type { FlowSettings } from '../graph/settings';
import type { NodeInfo } from './node-checks';
import type { Problem } from './problems';

/** A wait with nothing after it only delays the end of the run; almost certainly an unfinished flow. */
function deadEndWaits(nodes: readonly NodeInfo[], edges: readonly GraphEdge[]): Problem[] {
  const sources = new Set(edges.map((edge) => edge.source));
  return nodes.flatMap((info): Problem[] => {
    const outputs = info.outputs ?? [];
    if (info.def?.category !== 'wait' || outputs.length === 0 || sources.has(info.node.id)) return [];
    const connect = outputs.length === 1 ? `its output "${outputs[0]!.id}"` : `at least one of its outputs (${outputs.map((o) => o.id).join(', ')})`;
    return [{ severity: 'warning', code: 'dead-end-wait', nodeId: info.node.id, message: `nothing follows this wait, so the run just ends when it is over; connect ${connect}` }];
  });
}

/** Ending runs on the very event that starts them is a mix-up, unless a filter tells the two apart. */
function exitOnTriggerEvent(nodes: readonly NodeInfo[], settings: FlowSettings): Problem[] {
  const problems: Problem[] = [];
  for (const info of nodes) {
    const { def, config } = info;
    if (def?.category !== 'trigger' || def.behavior.kind !== 'eventTrigger' || config === undefined) continue;
    const event = def.behavior.eventType(config);
    settings.exitOn.forEach((exit, i) => {
      if (exit.event !== event || (exit.filter?.rules.length ?? 0) > 0) return;
      problems.push({
        severity: 'warning',
        code: 'exit-on-trigger-event',
        field: `settings.exitOn.${i}.event`,
        message: `"${event}" both starts this flow (trigger ${info.node.id}) and ends its runs, so every run would end at once`,
      });
    });
  }
  return problems;
}

export function checkWarnings(nodes: readonly NodeInfo[], edges: readonly GraphEdge[], settings: FlowSettings): Problem[] {
  return [...deadEndWaits(nodes, edges), ...exitOnTriggerEvent(nodes, settings)];
}
