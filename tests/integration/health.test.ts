import { describe, expect, it } from 'vitest';
import { eventually } from './poll';
import { useIntegrationStack } from './stack-harness';

const stack = useIntegrationStack();

/**
 * An idle worker re-polls Temporal once a minute, so a dead one can only be told apart after that
 * minute (plus the health check's margin, 75 s in all); Temporal itself lists it for 5 minutes.
 */
const DEAD_WORKER_NOTICED_WITHIN_MS = 90_000;

describe('GET /api/health on the real stack', () => {
  it('reports Postgres, Temporal and the worker ok; the worker not ok (503) once its process is killed; ok again with a new one', async () => {
    // The worker says it runs just before its first polls reach Temporal.
    const up = await eventually('GET /api/health to report ok', () => stack.api.health(), (r) => r.status === 200, { timeoutMs: 10_000 });
    expect(up.body).toEqual({
      ok: true,
      postgres: { ok: true },
      temporal: { ok: true, detail: expect.stringMatching(/^server \d+\.\d+\.\d+/) },
      worker: { ok: true, detail: expect.stringMatching(/^[1-9]\d* worker poller\(s\)$/) },
    });

    expect(await stack.killWorker('SIGKILL')).toBe('SIGKILL');
    const down = await eventually('GET /api/health to notice the killed worker', () => stack.api.health(), (r) => r.status === 503, {
      timeoutMs: DEAD_WORKER_NOTICED_WITHIN_MS,
      intervalMs: 2000,
    });
    expect(down.body).toEqual({
      ok: false,
      postgres: { ok: true },
      temporal: { ok: true, detail: expect.any(String) },
      worker: { ok: false, error: 'no worker polls task queue "nudgeflow"' },
    });

    await stack.startWorker();
    const back = await eventually('GET /api/health to see the new worker', () => stack.api.health(), (r) => r.status === 200, { timeoutMs: 10_000 });
    expect(back.body.worker).toEqual({ ok: true, detail: expect.stringMatching(/^[1-9]\d* worker poller\(s\)$/) });
  }, DEAD_WORKER_NOTICED_WITHIN_MS + 120_000);
});
