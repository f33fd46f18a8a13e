import type { DeliverTo } from './test-run-api';

/** How fast a live test's clock runs: flow seconds per real second. */
export const timeScaleOptions = [
  { value: 3600, label: '1 h = 1 s' },
  { value: 360, label: '1 h = 10 s' },
  { value: 60, label: '1 min = 1 s' },
] as const;

export const DEFAULT_TIME_SCALE = 3600;

/** How often a running live test is read again. */
export const POLL_INTERVAL_MS = 1000;

/** The "Send messages to" fields as the API wants them: blanks left out, nothing when both are blank. */
export function deliverTo(email: string, phone: string): DeliverTo | undefined {
  const to = { ...(email.trim() ? { email: email.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) };
  return Object.keys(to).length ? to : undefined;
}

/** About how long a live test takes to reach a point of the scenario: "about 24 s". */
export function realDuration(flowSeconds: number, timeScale: number): string {
  const seconds = Math.round(flowSeconds / timeScale);
  if (seconds < 60) return `about ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `about ${minutes} min` : `about ${Math.round(minutes / 60)} h`;
}
