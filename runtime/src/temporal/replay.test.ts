import { Worker } from '@temporalio/worker';
import { expect, it } from 'vitest';
import { loadHistories } from './replay-histories';
import { flowWorkflowBundle } from './workflow-bundle';

/**
 * Determinism guard: every history under tests/replay/histories (recorded from real runs with
 * NUDGEFLOW_RECORD_HISTORIES=1) must replay with today's workflow code and interpreter core. A
 * failure here means running workflows would break: guard the change with patched() instead.
 */
it('replays every recorded workflow history with the current workflow code', async () => {
  const histories = await loadHistories();
  // Each generation of the workflow code that runs may still be running: v1- (scheduled progress
  // and effects), v2- (local progress), and today's (local effects and lookups).
  const generations = ['v1-', 'v2-', ''].flatMap((prefix) => ['payment-reminder-unpaid', 'payment-reminder-paid', 'ping-loop-before-continue-as-new'].map((name) => prefix + name));
  expect(histories.map((h) => h.name)).toEqual(expect.arrayContaining(generations));
  const failures: string[] = [];
  const replays = Worker.runReplayHistories(
    { workflowBundle: await flowWorkflowBundle() },
    histories.map(({ name, history }) => ({ workflowId: name, history })),
  );
  for await (const replay of replays) if (replay.error) failures.push(`${replay.workflowId}: ${replay.error.message}`);
  expect(failures).toEqual([]);
}, 60_000);
