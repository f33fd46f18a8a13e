import { loadPlugins, pluginSourcesFromEnv } from '../plugins/load-plugins';
import type { LoadedPlugins } from '../plugins/loaded-plugins';
import type { CliIO } from './io';

/**
 * The custom node types the environment names (NUDGEFLOW_PLUGINS_DIR, default "plugins" here;
 * NUDGEFLOW_PLUGINS), so that validate, simulate and node-types know them as the server does.
 * Read directly rather than through readEnv: these commands must not need the server's settings.
 */
export async function loadCliPlugins(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<LoadedPlugins> {
  return loadPlugins(pluginSourcesFromEnv({ NUDGEFLOW_PLUGINS_DIR: env.NUDGEFLOW_PLUGINS_DIR || 'plugins', NUDGEFLOW_PLUGINS: env.NUDGEFLOW_PLUGINS }, env, cwd));
}

/** Plugins that did not load, on stderr: a flow using one then fails validation by its type's name. */
export function warnPluginProblems(plugins: LoadedPlugins, io: CliIO): void {
  for (const p of plugins.problems) io.err(`[plugins] ${p.source}${p.type ? ` (${p.type})` : ''}: ${p.message}`);
}
