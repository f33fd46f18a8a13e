// Date and inactivity triggers: a Temporal Schedule runs the sweep workflow, whose activity starts due runs.
export { createScheduleActivities, type ScheduleActivityOptions } from './schedule-activities';
export { sweepScheduledTriggers, type SweepContext } from './sweep-scheduled-triggers';
export { ensureTriggerSchedules, SWEEP_SCHEDULES_WORKFLOW, TRIGGER_SWEEP_SCHEDULE_ID, type TriggerScheduleOptions } from './trigger-schedule';
