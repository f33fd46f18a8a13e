import { TASK_QUEUE } from '@nudgeflow/workflows/contract';
import type { Client } from '@temporalio/client';
// CommonJS without detectable named exports: Node's ESM loader needs the default import.
import proto from '@temporalio/proto';

const { temporal } = proto;
import type { HealthChecks } from '../api/health/health';
import type { Sql } from '../db/client';

/** Real probes: a query, the Temporal frontend, and whether any worker polls the task queue. */
export function createHealthChecks(deps: { sql: Sql; client: Client; namespace: string; taskQueue?: string }): HealthChecks {
  return {
    async postgres() {
      await deps.sql`select 1`;
      return { ok: true };
    },
    async temporal() {
      const info = await deps.client.workflowService.getSystemInfo({});
      return { ok: true, ...(info.serverVersion ? { detail: `server ${info.serverVersion}` } : {}) };
    },
    async worker() {
      const queue = await deps.client.workflowService.describeTaskQueue({
        namespace: deps.namespace,
        taskQueue: { name: deps.taskQueue ?? TASK_QUEUE },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      const pollers = queue.pollers?.length ?? 0;
      return pollers > 0 ? { ok: true, detail: `${pollers} worker poller(s)` } : { ok: false, error: `no worker polls task queue "${deps.taskQueue ?? TASK_QUEUE}"` };
    },
  };
}
