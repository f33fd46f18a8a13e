import { formatTimeline, simulate } from '@nudgeflow/shared';
import { parseCommandArgs } from '../args';
import { readFlowAndScenario } from '../flow-and-scenario';
import { CliError, EXIT_PROBLEMS, type CliIO } from '../io';

export const simulateUsage = 'nudgeflow simulate FLOW.json --events EVENTS.json [--json] [--seed TEXT]';

export async function simulateCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { events: { type: 'string', short: 'e' }, json: { type: 'boolean' }, seed: { type: 'string' } },
    simulateUsage,
  );
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new CliError(`expected one flow file\nusage: ${simulateUsage}`);
  if (!values.events) throw new CliError(`missing --events EVENTS.json\nusage: ${simulateUsage}`);

  const read = await readFlowAndScenario(file, values.events, io, 'nothing was simulated');
  if (!read) return EXIT_PROBLEMS;
  const result = simulate(read.graph, read.scenario, { registry: read.registry, ...(values.seed === undefined ? {} : { seed: values.seed }) });
  io.out(values.json ? JSON.stringify(result, null, 2) : formatTimeline(result, read.graph));
  return 0;
}
