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

function templatesOf(info: NodeInfo) {
  if (!info.def?.templates || info.config === undefined) return [];
  try {
    return info.def.templates(info.config);
  } catch {
    return []; // reported as a definition error by the node checks
  }
}

const codeReference = /\bcodes\.([A-Za-z0-9_-]+)|\bcodes\[\s*["']([^"']+)["']\s*\]/g;

/** `{{ codes.welcom }}` renders empty unless some node of the flow hands out codes from that pool. */
function unassignedCodePools(nodes: readonly NodeInfo[]): Problem[] {
  const pools = new Set(
    nodes.flatMap((info) => (info.node.type === 'action.assignCode' && info.config ? [(info.config as { pool: string }).pool] : [])),
  );
  const problems: Problem[] = [];
  for (const info of nodes) {
    for (const template of templatesOf(info)) {
      const seen = new Set<string>();
      for (const match of template.source.matchAll(codeReference)) {
        const pool = (match[1] ?? match[2]) as string;
        if (pools.has(pool) || seen.has(pool)) continue;
        seen.add(pool);
        const known = pools.size ? ` (this flow assigns: ${[...pools].join(', ')})` : '';
        problems.push({
          severity: 'warning',
          code: 'unassigned-code-pool',
          nodeId: info.node.id,
          field: template.field,
          message: `"codes.${pool}" renders empty: no "Assign a code" node in this flow uses pool "${pool}"${known}`,
        });
      }
    }
  }
  return problems;
}

/** Marketing email without a visible way out annoys people and mailbox providers alike. */
function missingUnsubscribe(nodes: readonly NodeInfo[]): Problem[] {
  return nodes.flatMap((info): Problem[] => {
    const def = info.def;
    if (def?.behavior.kind !== 'effect' || info.config === undefined) return [];
    if (def.behavior.message?.(info.config)?.channel !== 'email' || !def.behavior.message(info.config)?.marketing) return [];
    const sources = templatesOf(info).map((t) => t.source);
    if (sources.some((source) => /links\.unsubscribe/.test(source))) return [];
    const mjml = templatesOf(info).find((t) => t.kind === 'mjml');
    return [
      {
        severity: 'warning',
        code: 'missing-unsubscribe',
        nodeId: info.node.id,
        ...(mjml ? { field: mjml.field } : {}),
        message: 'a marketing email should offer an unsubscribe link: add {{ links.unsubscribe }}, or mark the email transactional',
      },
    ];
  });
}

export function checkWarnings(nodes: readonly NodeInfo[], edges: readonly GraphEdge[], settings: FlowSettings): Problem[] {
  return [...deadEndWaits(nodes, edges), ...exitOnTriggerEvent(nodes, settings), ...unassignedCodePools(nodes), ...missingUnsubscribe(nodes)];
}
