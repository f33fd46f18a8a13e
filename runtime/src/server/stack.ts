import type { Client, Connection } from '@temporalio/client';
import type { Credentials, Env } from '../config';
import { channelsFromEnv } from '../channels/from-env';
import { messagingSettings, type MessagingSettings } from '../channels/settings';
import { createSql, type Sql } from '../db/client';
import { migrate } from '../db/migrate';
import { startDispatcher, type Dispatcher } from '../dispatch/index';
import { loadPlugins, pluginLogLines, pluginSourcesFromEnv } from '../plugins/load-plugins';
import type { LoadedPlugins } from '../plugins/loaded-plugins';
import { ensureTriggerSchedules } from '../schedules/index';
import { createTemporalClient } from '../temporal/client';
import { ensureSearchAttributes } from '../temporal/search-attributes';
import { startApiProcess } from './api-process';
import type { HttpServer } from './http-server';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

export type Log = (line: string) => void;

/** Which parts of the product one process runs: all of them in dev, the API or a worker in production. */
export interface StackParts {
  api: boolean;
  worker: boolean;
}

export interface RunningStack {
  apiUrl?: string;
  /** Resolves if the worker stops on its own (a fatal error): the process should end then. */
  workerDone?: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the product's own processes on a Postgres and a Temporal that already run: migrations,
 * search attributes and the trigger schedule, then the worker, the dispatcher and the API.
 * Stops in reverse order, so nothing is cut off mid-request or mid-activity.
 */
export async function startStack(options: {
  env: Env;
  databaseUrl: string;
  temporalAddress: string;
  credentials?: Credentials;
  /** The dev stack's generated credentials: the link secret is derived from them when NUDGEFLOW_LINK_SECRET is unset. */
  devCredentials?: Credentials;
  parts: StackParts;
  temporalUiUrl?: string;
  log: Log;
  /** Custom node types already loaded; unset: loaded here from NUDGEFLOW_PLUGINS_DIR and NUDGEFLOW_PLUGINS. */
  plugins?: LoadedPlugins;
}): Promise<RunningStack> {
  const { env, log } = options;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: unknown) => log(`while stopping: ${e instanceof Error ? e.message : String(e)}`));
    stops.length = 0;
  };
  try {
    // First: a missing link secret is a configuration error, reported before anything starts.
    const messaging: MessagingSettings = messagingSettings(env, options.devCredentials);
    // Before anything connects: a broken plugin is reported at the top of the output, and the others load.
    const plugins = options.plugins ?? (await loadPlugins(pluginSourcesFromEnv(env)));
    for (const line of pluginLogLines(plugins)) log(line);
    const sql: Sql = createSql(options.databaseUrl);
    stops.push(() => sql.end({ timeout: 5 }));
    const applied = await migrate(sql);
    if (applied.applied.length) log(`database migrated: ${applied.applied.join(', ')}`);

    const client: Client = await createTemporalClient(options.temporalAddress, env.TEMPORAL_NAMESPACE);
    stops.push(() => client.connection.close());
    const added = await ensureSearchAttributes(client.connection as Connection, env.TEMPORAL_NAMESPACE);
    if (added.length) log(`registered Temporal search attributes: ${added.join(', ')}`);

    let worker: WorkerProcess | undefined;
    if (options.parts.worker) {
      worker = await startWorkerProcess({ address: options.temporalAddress, namespace: env.TEMPORAL_NAMESPACE, sql, client, channels: channelsFromEnv(env, messaging), messaging, plugins });
      stops.push(() => (worker as WorkerProcess).stop());
    }

    let apiUrl: string | undefined;
    if (options.parts.api) {
      if (!options.credentials) throw new Error('the API needs credentials');
      await ensureTriggerSchedules(client);
      const dispatcher: Dispatcher = startDispatcher({ sql, client });
      stops.push(() => dispatcher.stop());
      const server: HttpServer = await startApiProcess({
        sql,
        client,
        namespace: env.TEMPORAL_NAMESPACE,
        credentials: options.credentials,
        messaging,
        plugins,
        ...(env.TWILIO_AUTH_TOKEN ? { twilio: { authToken: env.TWILIO_AUTH_TOKEN } } : {}),
        dispatcher,
        port: env.PORT,
        host: env.HOST,
        ...(options.temporalUiUrl ? { temporalUiUrl: options.temporalUiUrl } : {}),
      });
      stops.push(() => server.close());
      apiUrl = server.url;
    }
    return { ...(apiUrl ? { apiUrl } : {}), ...(worker ? { workerDone: worker.done } : {}), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
