/**
 * Real time inside the workflow. Temporal's sandbox makes Date.now() deterministic (the start
 * time of the current workflow task, replayed from history), which is why only here it is allowed.
 */
export function workflowNowMs(): number {
  // eslint-disable-next-line no-restricted-properties -- deterministic in Temporal workflow code
  return Date.now();
}
