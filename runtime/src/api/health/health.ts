import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router';

export type ComponentStatus = { ok: true; detail?: string } | { ok: false; error: string };

/** Probes for the components the stack needs; each answers within its own timeout. */
export interface HealthChecks {
  postgres(): Promise<ComponentStatus>;
  temporal(): Promise<ComponentStatus>;
  worker(): Promise<ComponentStatus>;
}

const componentSchema = z.object({ ok: z.boolean(), detail: z.string().optional(), error: z.string().optional() });
const healthSchema = z
  .object({ ok: z.boolean(), postgres: componentSchema, temporal: componentSchema, worker: componentSchema })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['health'],
  summary: 'Postgres, Temporal and worker status',
  responses: {
    200: { description: 'Everything is up', content: { 'application/json': { schema: healthSchema } } },
    503: { description: 'Something is down', content: { 'application/json': { schema: healthSchema } } },
  },
});

async function settle(probe: () => Promise<ComponentStatus>, ms = 3000): Promise<ComponentStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ComponentStatus>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `no answer within ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([probe().catch((e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(checks: HealthChecks) {
  return createRouter().openapi(route, async (c) => {
    const [postgres, temporal, worker] = await Promise.all([settle(checks.postgres), settle(checks.temporal), settle(checks.worker)]);
    const ok = postgres.ok && temporal.ok && worker.ok;
    return c.json({ ok, postgres, temporal, worker }, ok ? 200 : 503);
  });
}
