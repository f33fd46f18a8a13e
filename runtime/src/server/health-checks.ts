import { TASK_QUEUE } from '@nudgeflow/workflows/contract';
import type { Client } from '@temporalio/client';
// CommonJS without detectable named exports: Node's ESM loader needs the default import.
import proto from '@temporalio/proto';

const { temporal } = proto;
import type { HealthChecks } from '../api/health/health';
import type { Sql } from '../db/client';
import type { WorkInFlight } from './work-in-flight';

/**
 * Temporal keeps listing a poller for minutes after its last poll, dead or alive. A live worker
 * polls again at least once a minute (the server ends an idle long poll after 60 s), so one not
 * seen for longer than this is gone (killed, crashed, cut off). The margin covers clock skew
 * between this host and the server.
 */
const POLLER_GONE_AFTER_MS = 75_000;

/** How long ago a protobuf timestamp was (seconds may be a Long); never seen counts as long ago. */
function msAgo(at: { seconds?: unknown; nanos?: number | null } | null | undefined, now: number): number {
  return at ? now - (Number(at.seconds ?? 0) * 1000 + Math.floor((at.nanos ?? 0) / 1e6)) : Infinity;
}

/**
 * Temporal probes stop retrying after this (the health route answers after 3 s regardless); what
 * is left of a probe by then is tracked, so shutdown waits for it.
 */
const TEMPORAL_PROBE_DEADLINE_MS = 2500;

/** Real probes: a query, the Temporal frontend, and whether any worker polls the task queue. */
export function createHealthChecks(deps: { sql: Sql; client: Client; namespace: string; taskQueue?: string; inFlight: WorkInFlight }): HealthChecks {
  const probe = <T>(call: () => Promise<T>): Promise<T> => deps.inFlight.track(deps.client.withDeadline(Date.now() + TEMPORAL_PROBE_DEADLINE_MS, call));
  return {
    async postgres() {
      await deps.sql`select 1`;
      return { ok: true };
    },
    async temporal() {
      const info = await probe(() => deps.client.workflowService.getSystemInfo({}));
      return { ok: true, ...(info.serverVersion ? { detail: `server ${info.serverVersion}` } : {}) };
    },
    async worker() {
      const queue = await probe(() =>
        deps.client.workflowService.describeTaskQueue({
          namespace: deps.namespace,
          taskQueue: { name: deps.taskQueue ?? TASK_QUEUE },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        }),
      );
      const now = Date.now();
      const pollers = (queue.pollers ?? []).filter((p) => msAgo(p.lastAccessTime, now) <= POLLER_GONE_AFTER_MS).length;
      return pollers > 0 ? { ok: true, detail: `${pollers} worker poller(s)` } : { ok: false, error: `no worker polls task queue "${deps.taskQueue ?? TASK_QUEUE}"` };
    },
  };
}
