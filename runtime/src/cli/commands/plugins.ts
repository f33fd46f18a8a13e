import path from 'node:path';
import { parseCommandArgs } from '../args';
import { loadCliPlugins } from '../cli-plugins';
import { CliError, EXIT_PROBLEMS, type CliIO } from '../io';
import { pluginsNewCommand } from './plugins-new';

/** `plugins new` has its own usage (pluginsNewUsage), printed when it is misused. */
export const pluginsUsage = 'nudgeflow plugins [--json | new TYPE]';

/**
 * Loads the custom node types as the server and worker would from this environment and says what
 * loaded and what did not (GET /api/plugins of a running server says the same). Exit 1 when a
 * plugin has a problem, so a deploy script can stop there.
 */
export async function pluginsCommand(args: string[], io: CliIO): Promise<number> {
  if (args[0] === 'new') return pluginsNewCommand(args.slice(1), io);
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, pluginsUsage);
  if (positionals.length) throw new CliError(`unexpected ${positionals.map((p) => `"${p}"`).join(' ')}\nusage: ${pluginsUsage}`);
  const plugins = await loadCliPlugins();
  const report = plugins.report();
  const code = report.problems.length ? EXIT_PROBLEMS : 0;
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
    return code;
  }
  const dir = path.resolve(process.env.NUDGEFLOW_PLUGINS_DIR || 'plugins');
  const packages = process.env.NUDGEFLOW_PLUGINS?.trim();
  io.out(`Plugins from ${dir}${packages ? ` and the npm packages ${packages}` : ''}:`);
  if (!report.plugins.length) io.out('  none loaded');
  const width = Math.max(0, ...report.plugins.map((p) => p.source.length));
  for (const p of report.plugins) io.out(`  ${p.source.padEnd(width)}  ${p.types.join(', ')}`);
  if (report.problems.length) {
    io.err(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}:`);
    for (const p of report.problems) io.err(`  ${p.source}${p.type ? ` (${p.type})` : ''}: ${p.message}`);
  }
  return code;
}
