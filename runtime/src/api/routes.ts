import type { NodeRegistry } from '@nudgeflow/shared';
import type { MessagingSettings } from '../channels/settings';
import type { RunRecord, Sql } from '../db';
import type { LoadedPlugins } from '../plugins/loaded-plugins';
import type { LiveTestRunControl } from '../test-runs/live-control';
import type { RouteGroup } from './app';
import { codePoolRoutes } from './code-pools';
import { contactRoutes } from './contacts';
import { eventRoutes } from './events';
import { flowRoutes } from './flows';
import { messageRoutes } from './messages';
import { orderRoutes } from './orders';
import { previewRoutes } from './preview';
import { runRoutes } from './runs';
import { templateRoutes } from './templates';
import { flowTestRunRoutes, testRunRoutes } from './test-runs';
import { trackingRoutes } from './tracking';
import { twilioRoutes } from './twilio';

/** What the data routes need besides the app's own deps (credentials, health). */
export interface ApiRouteDeps {
  sql: Sql;
  /** The built-in types and those of `plugins`. */
  registry: NodeRegistry;
  /** Custom node types: publish pins them into the version, live test runs carry them; unset: none. */
  plugins?: LoadedPlugins;
  /** Link base and secret (tracking and unsubscribe links are checked against it). */
  messaging: MessagingSettings;
  /** Twilio's auth token, which signs its callbacks; unset: /api/twilio refuses them. */
  twilio?: { authToken: string };
  /** Events were stored: wake the dispatcher so they reach flows at once. Must not throw or block. */
  onAccepted(): void;
  /**
   * A flow was deleted: end its running and waiting runs with reason "cancelled". May finish in
   * the background; throws when it cannot even start (Temporal unreachable).
   */
  cancelRuns(flowId: string): Promise<void>;
  /** Asks the run's workflow to end it as cancelled; false when no workflow is running for it. */
  cancelRun(run: RunRecord): Promise<boolean>;
  /** Starts, signals and cancels live test runs' workflows; unset: only simulations can be tested. */
  testRuns?: LiveTestRunControl;
}

/** Every route group of the API but health and the node catalog (createApp mounts those itself). */
export function createApiRoutes(deps: ApiRouteDeps): RouteGroup[] {
  return [
    { path: '/api/flows', routes: flowRoutes(deps), auth: 'admin' },
    { path: '/api/events', routes: eventRoutes(deps), auth: 'apiKey' },
    { path: '/api/runs', routes: runRoutes(deps), auth: 'admin' },
    { path: '/api/messages', routes: messageRoutes(deps), auth: 'admin' },
    { path: '/api/contacts', routes: contactRoutes(deps), auth: 'admin' },
    { path: '/api/orders', routes: orderRoutes(deps), auth: 'admin' },
    { path: '/api/code-pools', routes: codePoolRoutes(deps), auth: 'admin' },
    { path: '/api/templates', routes: templateRoutes(), auth: 'admin' },
    { path: '/api/preview', routes: previewRoutes(), auth: 'admin' },
    { path: '/api/test-runs', routes: testRunRoutes(deps), auth: 'admin' },
    // POST /api/flows/{id}/test-runs: its own group under the flows' path, same auth.
    { path: '/api/flows', routes: flowTestRunRoutes(deps), auth: 'admin' },
    ...trackingRoutes(deps),
    { path: '/api/twilio', routes: twilioRoutes(deps), auth: 'none' },
  ];
}
