import { formatProblem, summarizeGraph, validate } from '@nudgeflow/shared';
import { parseCommandArgs } from '../args';
import { CliError, EXIT_PROBLEMS, type CliIO } from '../io';
import { loadCliPlugins, warnPluginProblems } from '../cli-plugins';
import { readJsonDocument } from '../read-document';

export const validateUsage = 'nudgeflow validate FLOW.json [--json]';

export async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, validateUsage);
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new CliError(`expected one flow file\nusage: ${validateUsage}`);
  const document = await readJsonDocument(file);
  const plugins = await loadCliPlugins();
  warnPluginProblems(plugins, io);
  const result = validate(document, plugins.registry);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (values.json) {
    io.out(JSON.stringify({ ok: result.ok, problems: result.problems }, null, 2));
    return result.ok ? 0 : EXIT_PROBLEMS;
  }
  if (result.ok && result.graph) {
    const warnings = result.problems.length ? ` (${result.problems.length} warning${result.problems.length === 1 ? '' : 's'})` : '';
    io.out(`${file}: valid. ${summarizeGraph(result.graph)}${warnings}`);
    for (const p of result.problems) io.out(`  ${formatProblem(p, result.graph)}`);
    return 0;
  }
  io.err(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
  for (const p of result.problems) io.err(`  ${formatProblem(p, result.graph)}`);
  return EXIT_PROBLEMS;
}
