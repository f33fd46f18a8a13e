import { CliError, EXIT_USAGE, type CliIO } from './io';
import { nodeTypesCommand, nodeTypesUsage } from './commands/node-types';
import { pluginsCommand, pluginsUsage } from './commands/plugins';
import { setupCommand, setupUsage } from './commands/setup';
import { devCommand, devUsage, migrateCommand, migrateUsage, serveCommand, serveUsage, workerCommand, workerUsage } from './commands/stack';
import { simulateCommand, simulateUsage } from './commands/simulate';
import { statsCommand, statsUsage } from './commands/stats';
import { testCommand, testUsage } from './commands/test';
import { newCommand, newUsage, templatesCommand, templatesUsage } from './commands/templates';
import { validateCommand, validateUsage } from './commands/validate';

const commands: Record<string, { run: (args: string[], io: CliIO) => Promise<number>; usage: string; help: string }> = {
  validate: { run: validateCommand, usage: validateUsage, help: 'check a flow; exit 1 with every problem found' },
  simulate: { run: simulateCommand, usage: simulateUsage, help: 'run a flow against scripted events on a virtual clock' },
  test: { run: testCommand, usage: testUsage, help: 'test a flow through a running Nudgeflow: simulated there, or --live on its worker (NUDGEFLOW_ADMIN_TOKEN)' },
  stats: { run: statsCommand, usage: statsUsage, help: 'how a flow performs over the last N days (default 30): runs, messages, orders after them and each node, from a running Nudgeflow (NUDGEFLOW_ADMIN_TOKEN)' },
  templates: { run: templatesCommand, usage: templatesUsage, help: 'list the ready-made flows' },
  new: { run: newCommand, usage: newUsage, help: 'write a template flow and its sample events into a folder' },
  dev: { run: devCommand, usage: devUsage, help: 'run the whole product locally (embedded Postgres + Temporal dev server): what npm start does' },
  serve: { run: serveCommand, usage: serveUsage, help: 'production API + event dispatcher (needs DATABASE_URL, TEMPORAL_ADDRESS, tokens)' },
  worker: { run: workerCommand, usage: workerUsage, help: 'production Temporal worker that runs the flows' },
  migrate: { run: migrateCommand, usage: migrateUsage, help: 'apply database migrations (DATABASE_URL)' },
  setup: { run: setupCommand, usage: setupUsage, help: 'build the Temporal CLI the dev stack and tests use (first time only)' },
  'node-types': { run: nodeTypesCommand, usage: nodeTypesUsage, help: 'list the node types (--json: with config schemas)' },
  plugins: { run: pluginsCommand, usage: pluginsUsage, help: 'which custom node types load from NUDGEFLOW_PLUGINS_DIR and NUDGEFLOW_PLUGINS, and why others do not; `new TYPE` writes a starter plugin' },
};

/** The command names, for docs and the compose config test. */
export const commandNames = Object.keys(commands);

function help(): string {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  return ['nudgeflow: marketing-automation flows from the command line', '', ...Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}  ${c.help}`)].join('\n');
}

/** Runs one CLI invocation; returns the exit code. Expected failures print one clear message, never a stack. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name ? 0 : EXIT_USAGE;
  }
  const command = commands[name];
  if (!command) {
    io.err(`nudgeflow: unknown command "${name}"\n\n${help()}`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`usage: nudgeflow ${command.usage.replace(/^nudgeflow /, '')}\n\n${command.help}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`nudgeflow ${name}: ${error.message}`);
      return error.exitCode;
    }
    // Anything else (a database that will not start, a changed migration) is still said in one
    // message; the stack is for developers who ask for it.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`nudgeflow ${name}: ${message}`);
    if (process.env.NUDGEFLOW_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}
