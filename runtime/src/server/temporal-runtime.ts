import { Runtime } from '@temporalio/worker';

let installed = false;

/**
 * Temporal's Runtime by default shuts workers down on SIGINT/SIGTERM by itself. Our processes
 * own their shutdown order (stop taking HTTP requests, drain the worker, then close pools and
 * stop Postgres), so it is installed once without those signal handlers.
 */
export function installTemporalRuntime(): void {
  if (installed) return;
  installed = true;
  Runtime.install({ shutdownSignals: [] });
}
