import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { workflowNowMs } from './workflow-time';

export interface SweepSchedulesInput {
  /** How often the schedule runs this sweep. */
  intervalSeconds: number;
}

/** Fire times in [windowStart, windowEnd) get a run (ISO instants). */
export interface SweepWindow {
  windowStart: string;
  windowEnd: string;
}

export interface SweepResult extends SweepWindow {
  /** Active flows with a date or inactivity trigger. */
  flows: number;
  /** Contacts (or orders) whose trigger fires inside the window. */
  due: number;
  /** Runs created and started (delayed until their fire time). */
  started: number;
}

export interface ScheduleActivities {
  /** Starts a run, delayed to its fire time, for every contact whose scheduled trigger fires in the window. */
  sweepScheduledTriggers(window: SweepWindow): Promise<SweepResult>;
}

const { sweepScheduledTriggers } = proxyActivities<ScheduleActivities>({
  // Pages through every contact with the trigger's field; heartbeats per page.
  startToCloseTimeout: '30m',
  heartbeatTimeout: '2m',
  retry: { initialInterval: '10s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 5 },
});

/** Set by Temporal on every workflow a Schedule starts: the time it was due, even when it runs late. */
const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * One sweep, started by the trigger schedule. The window reaches one interval back (a sweep that
 * failed or was missed is made up) and two ahead (runs are queued with a start delay before they
 * are due, so they start on time even when the next sweep is late). Windows overlap on purpose:
 * run ids include the fire date, so sweeping a contact twice starts its run once.
 */
export async function sweepSchedules(input: SweepSchedulesInput): Promise<SweepResult> {
  const due = workflowInfo().typedSearchAttributes.get(scheduledStartTime)?.getTime() ?? workflowNowMs();
  const intervalMs = input.intervalSeconds * 1000;
  return sweepScheduledTriggers({
    windowStart: new Date(due - intervalMs).toISOString(),
    windowEnd: new Date(due + 2 * intervalMs).toISOString(),
  });
}
