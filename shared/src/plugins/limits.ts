/**
 * The most a plugin may ask for, per kind: an attempt runs inside the workflow's effect or lookup
 * activity (workflows/src/activities.ts: 90 s and 30 s per attempt, 10 attempts, with room kept
 * for the database work around the call), so a longer timeout or more attempts would be cut off
 * there, silently. A test in workflows/ keeps the two in step.
 */
export const PLUGIN_LIMITS = {
  action: { maxAttempts: 10, timeoutSeconds: 60 },
  condition: { maxAttempts: 10, timeoutSeconds: 25 },
} as const;
