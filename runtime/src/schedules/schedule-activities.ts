import type { ScheduleActivities } from '@nudgeflow/workflows';
import { TASK_QUEUE } from '@nudgeflow/workflows/contract';
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { Sql } from '../db';
import type { Log } from '../dispatch';
import { sweepScheduledTriggers } from './sweep-scheduled-triggers';

export interface ScheduleActivityOptions {
  sql: Sql;
  client: Client;
  /** Where the flow runs it starts go (default TASK_QUEUE). */
  taskQueue?: string;
  log?: Log;
}

/** The sweep's activity, for the worker to register next to the flow activities. */
export function createScheduleActivities(options: ScheduleActivityOptions): ScheduleActivities {
  const log: Log = options.log ?? ((line) => console.log(`[trigger sweep] ${line}`));
  return {
    sweepScheduledTriggers: (window) =>
      sweepScheduledTriggers(
        { sql: options.sql, client: options.client, taskQueue: options.taskQueue ?? TASK_QUEUE, log, heartbeat: () => Context.current().heartbeat() },
        window,
      ),
  };
}
