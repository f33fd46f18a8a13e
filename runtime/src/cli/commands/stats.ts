import { FLOW_STATS_DEFAULT_DAYS, FLOW_STATS_MAX_DAYS, type FlowDetail, type FlowStats } from '@nudgeflow/shared/api';
import { AdminApi, apiError, type ApiAnswer } from '../admin-api';
import { parseCommandArgs } from '../args';
import { formatFlowStats, type FlowFacts } from '../format-stats';
import { CliError, type CliIO } from '../io';

export const statsUsage = 'nudgeflow stats FLOW_ID [--days N] [--json] [--url URL]';

function daysOf(text: string | undefined): number {
  if (text === undefined) return FLOW_STATS_DEFAULT_DAYS;
  const days = Number(text);
  if (!/^[0-9]+$/.test(text) || days < 1 || days > FLOW_STATS_MAX_DAYS)
    throw new CliError(`--days must be a whole number from 1 to ${FLOW_STATS_MAX_DAYS}, not "${text}"`);
  return days;
}

function refusal(answer: ApiAnswer): CliError {
  return new CliError(apiError(answer.body)?.message ?? `the API answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

/** The flow's name and node types for the report; without them (the flow cannot be read) it shows the id. */
function flowFacts(answer: ApiAnswer): FlowFacts | undefined {
  if (answer.status !== 200) return undefined;
  const flow = answer.body as FlowDetail;
  return { name: flow.name, nodeTypes: new Map(flow.graph.nodes.map((n) => [n.id, n.type])) };
}

/**
 * A flow's analytics from a running Nudgeflow (GET /api/flows/:id/stats): a report, or (--json) the
 * API's answer. It has no problems in a flow to report, so every failure is "could not run" (exit 2).
 */
export async function statsCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { days: { type: 'string' }, json: { type: 'boolean' }, url: { type: 'string' } }, statsUsage);
  const [flowId, ...extra] = positionals;
  if (!flowId || extra.length) throw new CliError(`expected one flow id\nusage: ${statsUsage}`);
  const days = daysOf(values.days);
  const api = AdminApi.fromEnv(values.url);

  const path = `/api/flows/${encodeURIComponent(flowId)}`;
  const [answer, flow] = await Promise.all([api.call('GET', `${path}/stats?days=${days}`), values.json ? undefined : api.call('GET', path)]);
  if (answer.status === 404) throw new CliError(`no flow "${flowId}"`);
  if (answer.status !== 200) throw refusal(answer);
  io.out(values.json ? JSON.stringify(answer.body, null, 2) : formatFlowStats(answer.body as FlowStats, flow && flowFacts(flow)));
  return 0;
}
