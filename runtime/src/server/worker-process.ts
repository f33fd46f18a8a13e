import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createFlowActivities } from '../activities/index';
import type { MessagingSettings } from '../channels/settings';
import type { Channels } from '../channels/types';
import type { Sql } from '../db/client';
import type { LoadedPlugins } from '../plugins/loaded-plugins';
import { createScheduleActivities } from '../schedules/index';
import { createFlowWorker } from '../temporal/create-worker';
import { installTemporalRuntime } from './temporal-runtime';

export interface WorkerProcess {
  /** Resolves when the worker has stopped (after stop(), or when it fails). */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** A Temporal worker for the flow and sweep workflows, with the Postgres-backed activities. */
export async function startWorkerProcess(deps: {
  address: string;
  namespace: string;
  sql: Sql;
  client: Client;
  channels: Channels;
  messaging: MessagingSettings;
  /** Custom node types: their actions and conditions run in this worker's activities. */
  plugins?: LoadedPlugins;
}): Promise<WorkerProcess> {
  installTemporalRuntime();
  const connection = await NativeConnection.connect({ address: deps.address });
  try {
    const worker = await createFlowWorker({
      connection,
      namespace: deps.namespace,
      activities: {
        ...createFlowActivities({ sql: deps.sql, channels: deps.channels, messaging: deps.messaging, ...(deps.plugins ? { plugins: deps.plugins } : {}) }),
        ...createScheduleActivities({ sql: deps.sql, client: deps.client }),
      },
    });
    const done = worker.run().finally(async () => {
      await connection.close();
      // Pooled connections would keep the process alive for minutes after the worker stopped.
      deps.channels.email.close?.();
      deps.channels.sms.close?.();
    });
    return {
      done,
      stop: async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await done;
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
