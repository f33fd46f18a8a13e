import { defineExecutor, type AnyEffectExecutor } from '../activities/executor-registry';
import type { LoadedPlugins } from './loaded-plugins';
import { runnable, runPluginAttempt } from './run-in-activity';

/**
 * An executor per plugin action. 'external': the plugin reaches outside, so no transaction can
 * cover it; it runs holding the effect's lock and its result is saved once it returns. A retry
 * after a crash calls the plugin again with the same idempotency key, which it passes on to its
 * remote API. The config arrives as the run carries it and is migrated from its version here.
 */
export function pluginExecutors(plugins: LoadedPlugins): AnyEffectExecutor[] {
  return plugins.plugins.flatMap((entry) => {
    const loaded = runnable(entry);
    if (!loaded || loaded.plugin.kind !== 'action') return [];
    return [
      defineExecutor<Record<string, unknown>>({
        type: loaded.plugin.type,
        kind: 'external',
        async execute({ run, command, config, deps, attempt }) {
          const result = await runPluginAttempt(loaded, {
            run,
            config,
            configVersion: command.configVersion ?? 1,
            context: command.context,
            nodeId: command.nodeId,
            idempotencyKey: command.idempotencyKey,
            // The run's clock (compressed in live test runs); commands from before it: the worker's.
            now: command.at ? new Date(command.at) : deps.now(),
            attempt,
          });
          return { status: 'done', output: result.output, ...(result.detail !== undefined ? { reason: result.detail } : {}) };
        },
      }),
    ];
  });
}
