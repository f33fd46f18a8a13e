import type { Client } from '@temporalio/client';
import type { ListPosition, RunRecord, Sql } from '../db';
import { listRuns } from '../db';
import { cancelFlowRun } from '../temporal/client';
import type { WorkInFlight } from './work-in-flight';

/** Ends one run as cancelled through its workflow; false when no workflow runs for it. */
export function cancelRun(client: Client, run: RunRecord): Promise<boolean> {
  return cancelFlowRun(client, run.workflowId, 'cancelled by an admin');
}

/** Ends every live run of a flow (it was deleted). Runs are cancelled in the background, page by page; shutdown waits for it. */
export async function cancelRunsOfFlow(client: Client, sql: Sql, flowId: string, inFlight: WorkInFlight): Promise<void> {
  await client.workflowService.getSystemInfo({}); // fail now, visibly, when Temporal is unreachable
  const cancelling = (async () => {
    for (const status of ['waiting', 'running'] as const) {
      let before: ListPosition | undefined;
      do {
        const page = await listRuns(sql, { flowId, status, limit: 500, ...(before ? { before } : {}) });
        for (const run of page.items)
          await cancelFlowRun(client, run.workflowId, 'the flow was deleted').catch((e: unknown) => console.error(`cancelling ${run.id}: ${String(e)}`));
        before = page.next;
      } while (before);
    }
  })().catch((e: unknown) => console.error(`cancelling the runs of deleted flow ${flowId} stopped: ${String(e)}`));
  // Shutdown waits for this: the deleted flow's runs must not keep waiting.
  void inFlight.track(cancelling);
}
