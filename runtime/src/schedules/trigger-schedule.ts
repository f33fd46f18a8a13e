import type { SweepSchedulesInput, sweepSchedules } from '@nudgeflow/workflows';
import { TASK_QUEUE } from '@nudgeflow/workflows/contract';
import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';

export const TRIGGER_SWEEP_SCHEDULE_ID = 'nudgeflow-trigger-sweep';
/** The sweep workflow's type: the function's name in workflows/src/sweep-schedules.ts. */
export const SWEEP_SCHEDULES_WORKFLOW = 'sweepSchedules';

export interface TriggerScheduleOptions {
  /** How often due contacts are swept (default hourly). */
  intervalSeconds?: number;
  taskQueue?: string;
}

function scheduleSpec(options: TriggerScheduleOptions) {
  const intervalSeconds = options.intervalSeconds ?? 3600;
  const input: SweepSchedulesInput = { intervalSeconds };
  return {
    spec: { intervals: [{ every: `${intervalSeconds}s` }] },
    action: {
      type: 'startWorkflow' as const,
      workflowType: SWEEP_SCHEDULES_WORKFLOW,
      workflowId: TRIGGER_SWEEP_SCHEDULE_ID,
      taskQueue: options.taskQueue ?? TASK_QUEUE,
      args: [input] as Parameters<typeof sweepSchedules>,
    },
    // After an outage every missed sweep runs, one after another, each over its own window
    // (they are idempotent); a sweep still going when the next is due makes that one wait.
    policies: { overlap: 'BUFFER_ALL' as const, catchupWindow: '1 day' },
  };
}

/**
 * The Temporal Schedule that sweeps date and inactivity triggers: created at startup, or brought
 * up to date when it exists (another instance created it, or the interval changed).
 */
export async function ensureTriggerSchedules(client: Client, options: TriggerScheduleOptions = {}): Promise<'created' | 'updated'> {
  const wanted = scheduleSpec(options);
  const create: ScheduleOptions = { scheduleId: TRIGGER_SWEEP_SCHEDULE_ID, ...wanted };
  try {
    await client.schedule.create(create);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(TRIGGER_SWEEP_SCHEDULE_ID).update((previous) => ({ ...previous, ...wanted }));
  return 'updated';
}
