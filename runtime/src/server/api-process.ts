import type { Client } from '@temporalio/client';
import { createApp } from '../api/app';
import { createApiRoutes } from '../api/routes';
import type { MessagingSettings } from '../channels/settings';
import type { Credentials } from '../config';
import type { Sql } from '../db/client';
import type { Dispatcher } from '../dispatch/index';
import { noPlugins, type LoadedPlugins } from '../plugins/loaded-plugins';
import { editorAssets, editorDistDir } from './editor-assets';
import { WorkInFlight } from './work-in-flight';
import { createHealthChecks } from './health-checks';
import { listen, type HttpServer } from './http-server';
import { editorNotBuiltPage } from './editor-not-built-page';
import { cancelRun, cancelRunsOfFlow } from './run-control';
import { temporalTestRunControl } from '../test-runs/live-control';

export interface ApiProcessDeps {
  sql: Sql;
  client: Client;
  namespace: string;
  credentials: Credentials;
  messaging: MessagingSettings;
  /** Custom node types: the API validates, publishes and describes them; unset: built-ins only. */
  plugins?: LoadedPlugins;
  /** Checks the signatures of Twilio's callbacks; unset: they are refused. */
  twilio?: { authToken: string };
  dispatcher: Dispatcher;
  port: number;
  host: string;
  temporalUiUrl?: string;
}

/** The HTTP API under /api and the editor everywhere else, wired to Postgres, Temporal and the dispatcher. */
export async function startApiProcess(deps: ApiProcessDeps): Promise<HttpServer> {
  const { sql, client } = deps;
  const plugins = deps.plugins ?? noPlugins;
  const { registry } = plugins;
  const inFlight = new WorkInFlight();
  const app = createApp(
    { credentials: deps.credentials, registry, plugins, health: createHealthChecks({ sql, client, namespace: deps.namespace, inFlight }) },
    createApiRoutes({
      sql,
      registry,
      plugins,
      messaging: deps.messaging,
      ...(deps.twilio ? { twilio: deps.twilio } : {}),
      onAccepted: () => deps.dispatcher.wake(),
      cancelRuns: (flowId) => cancelRunsOfFlow(client, sql, flowId, inFlight),
      cancelRun: (run) => cancelRun(client, run),
      testRuns: temporalTestRunControl(client),
    }),
  );
  const notBuiltPage = editorNotBuiltPage(deps.temporalUiUrl ? { temporalUi: deps.temporalUiUrl } : {});
  app.get('*', editorAssets({ distDir: editorDistDir, notBuiltPage }));
  // Requests are tracked too: closing the server cuts their sockets, not their Temporal calls.
  const server = await listen({ fetch: (request) => inFlight.track(Promise.resolve(app.fetch(request))) }, { port: deps.port, host: deps.host });
  return {
    ...server,
    // The Temporal connection closes after this: nothing may still be calling it.
    close: async () => {
      await server.close();
      await inFlight.settled();
    },
  };
}
