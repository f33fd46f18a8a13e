/** The worker's workflowsPath: every workflow type the worker runs. */
export { flowRun } from './flow-run';
export { sweepSchedules } from './sweep-schedules';
export type { ScheduleActivities, SweepResult, SweepSchedulesInput, SweepWindow } from './sweep-schedules';
