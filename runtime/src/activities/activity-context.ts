import { asyncLocalStorage, log as activityLog } from '@temporalio/activity';

/** Where the current call stands among Temporal's attempts; outside an activity (tests, scripts) it is a first and only attempt. */
export interface AttemptInfo {
  attempt: number;
  /** The retry policy's limit; undefined when unlimited or unknown. */
  maximumAttempts: number | undefined;
  /** Fires when Temporal cancels the activity. */
  signal: AbortSignal | undefined;
}

export function currentAttempt(): AttemptInfo {
  const context = asyncLocalStorage.getStore();
  if (!context) return { attempt: 1, maximumAttempts: undefined, signal: undefined };
  const maximum = context.info.retryPolicy?.maximumAttempts;
  return {
    attempt: context.info.attempt,
    // 0 means unlimited in Temporal's retry policy.
    maximumAttempts: maximum !== undefined && maximum > 0 ? maximum : undefined,
    signal: context.cancellationSignal,
  };
}

/** True on the attempt after which Temporal will not try again. */
export function isLastAttempt(info: AttemptInfo): boolean {
  return info.maximumAttempts !== undefined && info.attempt >= info.maximumAttempts;
}

export interface ActivityLog {
  warn(message: string, details?: Record<string, unknown>): void;
}

/** Temporal's activity logger inside an activity (it adds the workflow and activity ids); stderr elsewhere. */
export const defaultActivityLog: ActivityLog = {
  warn(message, details) {
    if (asyncLocalStorage.getStore()) activityLog.warn(message, details);
    else console.warn(message, details ?? {});
  },
};
