import { formatProblem, formatTimeline, scenarioSchema, simulate, validate } from '@nudgeflow/shared';
import { parseCommandArgs } from '../args';
import { CliError, EXIT_PROBLEMS, type CliIO } from '../io';
import { readJsonDocument } from '../read-document';

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

  const [graphDoc, eventsDoc] = await Promise.all([readJsonDocument(file), readJsonDocument(values.events)]);
  const checked = validate(graphDoc);
  if (!checked.ok || !checked.graph) {
    io.err(`${file}: the flow is not valid, nothing was simulated`);
    for (const p of checked.problems) io.err(`  ${formatProblem(p, checked.graph)}`);
    return EXIT_PROBLEMS;
  }
  const scenario = scenarioSchema.safeParse(eventsDoc);
  if (!scenario.success) {
    io.err(`${values.events}: not a valid events document`);
    for (const issue of scenario.error.issues) io.err(`  ${issue.path.length ? issue.path.join('.') : '(document)'}: ${issue.message}`);
    return EXIT_PROBLEMS;
  }
  const result = simulate(checked.graph, scenario.data, values.seed === undefined ? {} : { seed: values.seed });
  io.out(values.json ? JSON.stringify(result, null, 2) : formatTimeline(result, checked.graph));
  return 0;
}
