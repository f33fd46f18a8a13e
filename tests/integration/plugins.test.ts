import type { FlowGraph, GraphNode } from '@nudgeflow/shared';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testPluginDir, type TestPluginDir } from '../../runtime/src/plugins/test-plugin-dir';
import { eventually } from './poll';
import { shopEvent, shopper } from './shop-data';
import { useIntegrationStack } from './stack-harness';

/*
 * Custom node types on the real stack: the shipped example plugins (a loyalty-points action and a
 * CRM-segment condition) in a plugins folder that also holds a broken file, loaded by the API in
 * this process and by the `nudgeflow worker` process; local HTTP servers stand in for the loyalty
 * API and the CRM. Then a plugin's version bump: a run waits under version 1, the worker restarts
 * with version 2 (a config migration), and the run finishes with the new code.
 */

const LOYALTY_KEY = 'loyalty-integration-key';
const EXAMPLES = new URL('../../runtime/plugins/examples/', import.meta.url);

interface Received {
  method: string;
  path: string;
  authorization?: string;
  idempotencyKey?: string;
  body: Record<string, unknown> | undefined;
}

/** Everything the loyalty API and the CRM were asked, in order. */
const received: Received[] = [];
/** Contact ids the CRM puts in the "vip" segment. */
const vips = new Set<string>();

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });
}

/** The loyalty API (POST /points, POST /stamps) and the CRM (GET /contacts/{id}/segments) in one local server. */
const remote: Server = createServer((req, res) => {
  void readBody(req).then((text) => {
    const path = req.url ?? '/';
    received.push({
      method: req.method ?? '',
      path,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers['idempotency-key'] ? { idempotencyKey: String(req.headers['idempotency-key']) } : {}),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    });
    const segments = /^\/crm\/contacts\/([^/]+)\/segments$/.exec(path);
    if (segments) {
      const id = decodeURIComponent(segments[1] ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ segments: vips.has(id) ? ['vip', 'newsletter'] : ['newsletter'] }));
      return;
    }
    if (req.headers.authorization !== `Bearer ${LOYALTY_KEY}`) {
      res.writeHead(401).end('{}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ balance: 150 }));
  });
});

/** A plugin whose config field `count` became `stamps` in version 2. */
function stampCardPlugin(version: 1 | 2): string {
  const field = version === 1 ? 'count' : 'stamps';
  const migrations =
    version === 1 ? '' : "migrations: [{ to: 2, up: ({ count, ...rest }) => ({ ...rest, stamps: count }), down: ({ stamps, ...rest }) => ({ ...rest, count: stamps }) }],";
  return `import { z } from 'zod';
import { definePlugin } from '@nudgeflow/shared/plugins';

export default definePlugin({
  kind: 'action',
  type: 'acme.stampCard',
  title: 'Stamp the loyalty card',
  description: 'Adds stamps to the customer card.',
  config: z.object({ ${field}: z.number().int().positive().meta({ title: 'Stamps' }) }),
  defaults: { ${field}: 1 },
  summary: (c) => \`Add \${c.${field}} stamps\`,
  ${migrations}
  secrets: ['LOYALTY_API_URL', 'LOYALTY_API_KEY'],
  async execute({ config, contact, secrets, idempotencyKey, signal }) {
    const response = await fetch(\`\${secrets.LOYALTY_API_URL}/stamps\`, {
      method: 'POST',
      headers: { authorization: \`Bearer \${secrets.LOYALTY_API_KEY}\`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify({ customerId: contact.id, stamps: config.${field}, pluginVersion: ${version} }),
      signal,
    });
    if (!response.ok) throw new Error(\`the loyalty API answered HTTP \${response.status}\`);
    return { detail: \`stamped \${config.${field}} (plugin version ${version})\` };
  },
});
`;
}

let folder: TestPluginDir;

// Before the stack's own beforeAll: the plugins folder and the remote APIs must be there when it loads them.
beforeAll(async () => {
  await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
  folder = await testPluginDir({
    'loyalty-points.ts': await readFile(new URL('loyalty-points.ts', EXAMPLES), 'utf8'),
    'crm-segment.ts': await readFile(new URL('crm-segment.ts', EXAMPLES), 'utf8'),
    'stamp-card.ts': stampCardPlugin(1),
    'broken.ts': "import { definePlugin } from '@nudgeflow/shared/plugins';\nthrow new Error('the broken plugin needs a region');\nexport default definePlugin;\n",
  });
  // The API runs in this process: the plugins' secrets come from its environment, as the worker's do from its own.
  for (const [name, value] of Object.entries(remoteEnv())) vi.stubEnv(name, value);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  remote.closeAllConnections();
  await new Promise((resolve) => remote.close(resolve));
  await folder?.remove();
});

function remoteEnv(): Record<string, string> {
  const base = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  return { LOYALTY_API_URL: `${base}/loyalty`, LOYALTY_API_KEY: LOYALTY_KEY, CRM_API_URL: `${base}/crm` };
}

const stack = useIntegrationStack({ env: () => ({ NUDGEFLOW_PLUGINS_DIR: folder.dir, ...remoteEnv() }) });

beforeEach(() => {
  received.length = 0;
});

const at = (y: number) => ({ x: 0, y });
const exit = (id: string, y: number): GraphNode => ({ id, type: 'flow.exit', position: at(y), config: { reason: id } });

/** order.paid -> in CRM segment "vip"? yes: add 50 points (-> added / not a member); no: exit. */
function vipPointsFlow(): FlowGraph {
  return {
    schemaVersion: 1,
    name: 'Points for VIP orders',
    settings: { reentry: 'always', runPer: 'contact', exitOn: [], timezone: 'UTC' },
    nodes: [
      { id: 'trigger', type: 'trigger.event', position: at(0), config: { event: 'order.paid' } },
      { id: 'vip', type: 'acme.inCrmSegment', version: 1, position: at(100), config: { segment: 'vip' } },
      { id: 'points', type: 'acme.addLoyaltyPoints', version: 2, position: at(200), config: { points: 50, reason: 'VIP order' } },
      exit('added', 300),
      exit('not_member', 310),
      exit('not_vip', 320),
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'vip' },
      { id: 'e2', source: 'vip', sourceHandle: 'yes', target: 'points' },
      { id: 'e3', source: 'vip', sourceHandle: 'no', target: 'not_vip' },
      { id: 'e4', source: 'points', sourceHandle: 'next', target: 'added' },
      { id: 'e5', source: 'points', sourceHandle: 'notMember', target: 'not_member' },
    ],
  };
}

/** visit.started -> wait for visit.confirmed -> stamp the card (saved under the plugin's version 1). */
function stampFlow(): FlowGraph {
  return {
    schemaVersion: 1,
    name: 'Stamp after a confirmed visit',
    settings: { reentry: 'always', runPer: 'contact', exitOn: [], timezone: 'UTC' },
    nodes: [
      { id: 'trigger', type: 'trigger.event', position: at(0), config: { event: 'visit.started' } },
      { id: 'wait', type: 'wait.untilEvent', position: at(100), config: { event: 'visit.confirmed', sameOrder: false, timeout: 'PT1H' } },
      { id: 'stamp', type: 'acme.stampCard', version: 1, position: at(200), config: { count: 3 } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'wait' },
      { id: 'e2', source: 'wait', sourceHandle: 'event', target: 'stamp' },
    ],
  };
}

async function endedRun(flowId: string, contactId: string) {
  const [run] = await eventually(`the run of ${contactId} to end`, () => stack.api.runs({ flowId, contactId }), (runs) => runs.length === 1 && runs[0]?.status === 'done', {
    timeoutMs: 60_000,
  });
  if (!run) throw new Error('unreachable: eventually checked the run');
  return stack.api.run(run.id);
}

describe('custom node types on the real stack', () => {
  it('reports the broken plugin file and loads the others, in the API and in the worker', async () => {
    expect(await stack.api.get('/api/plugins')).toEqual({
      plugins: [
        { source: 'crm-segment.ts', types: ['acme.inCrmSegment'] },
        { source: 'loyalty-points.ts', types: ['acme.addLoyaltyPoints'] },
        { source: 'stamp-card.ts', types: ['acme.stampCard'] },
      ],
      problems: [{ source: 'broken.ts', message: 'could not be loaded: the broken plugin needs a region' }],
    });
    const catalog = await stack.api.get<{ type: string; source?: string }[]>('/api/node-types');
    expect(catalog.filter((t) => t.source).map((t) => [t.type, t.source])).toEqual([
      ['acme.inCrmSegment', 'crm-segment.ts'],
      ['acme.addLoyaltyPoints', 'loyalty-points.ts'],
      ['acme.stampCard', 'stamp-card.ts'],
    ]);
    expect(stack.worker?.output()).toContain('[plugins] broken.ts: could not be loaded: the broken plugin needs a region');
    expect(stack.worker?.output()).toContain('[plugins] loyalty-points.ts: loaded acme.addLoyaltyPoints');
  });

  it('runs both example plugins inside a published flow on the worker, against the remote APIs', async () => {
    const flowId = await stack.api.publishFlow(vipPointsFlow());
    const vip = shopper('vip');
    const regular = shopper('regular');
    vips.add(vip.id);

    for (const who of [vip, regular]) expect((await stack.api.postEvents(shopEvent('order.paid', who))).status).toBe(202);
    const vipRun = await endedRun(flowId, vip.id);
    const regularRun = await endedRun(flowId, regular.id);

    expect(vipRun.steps.map((s) => [s.nodeId, s.outcome, s.detail])).toEqual([
      ['trigger', 'started', 'order.paid'],
      ['vip', 'yes', 'in segment "vip"'],
      ['points', 'done', 'added 50 points (balance 150)'],
      ['added', 'exited', 'added'],
    ]);
    expect(regularRun.steps.map((s) => [s.nodeId, s.outcome, s.detail])).toEqual([
      ['trigger', 'started', 'order.paid'],
      ['vip', 'no', 'not in segment "vip"'],
      ['not_vip', 'exited', 'not_vip'],
    ]);
    const points = received.filter((r) => r.path === '/loyalty/points');
    expect(points).toEqual([
      {
        method: 'POST',
        path: '/loyalty/points',
        authorization: `Bearer ${LOYALTY_KEY}`,
        idempotencyKey: `${vipRun.id}:points:1`,
        body: { customerId: vip.id, email: vip.email, points: 50, reason: 'VIP order' },
      },
    ]);
    expect(received.filter((r) => r.path.startsWith('/crm/')).map((r) => r.path).sort()).toEqual(
      [`/crm/contacts/${encodeURIComponent(vip.id)}/segments`, `/crm/contacts/${encodeURIComponent(regular.id)}/segments`].sort(),
    );
  }, 120_000);

  it('finishes a run that waited under version 1 of a plugin on a worker restarted with version 2', async () => {
    const flowId = await stack.api.publishFlow(stampFlow());
    const version = await stack.api.get<{ nodeTypes: { type: string; version: number }[] }>(`/api/flows/${flowId}/versions/1`);
    expect(version.nodeTypes.map((t) => [t.type, t.version])).toEqual([['acme.stampCard', 1]]);

    const who = shopper('stamp');
    expect((await stack.api.postEvents(shopEvent('visit.started', who))).status).toBe(202);
    await eventually('the run to wait for the visit', () => stack.api.runs({ flowId, contactId: who.id }), (runs) => runs[0]?.status === 'waiting' && runs[0]?.nodeId === 'wait');

    // The plugin moves on while the run waits: the new worker only has version 2.
    await stack.killWorker('SIGTERM');
    await folder.write('stamp-card.ts', stampCardPlugin(2));
    const worker = await stack.startWorker();
    expect(worker.output()).toContain('[plugins] stamp-card.ts: loaded acme.stampCard');

    expect((await stack.api.postEvents(shopEvent('visit.confirmed', who))).status).toBe(202);
    const run = await endedRun(flowId, who.id);
    expect(run.steps.map((s) => [s.nodeId, s.outcome, s.detail])).toEqual([
      ['trigger', 'started', 'visit.started'],
      ['wait', 'waiting', expect.any(String)],
      ['wait', 'event', expect.any(String)],
      ['stamp', 'done', 'stamped 3 (plugin version 2)'],
    ]);
    expect(received.filter((r) => r.path === '/loyalty/stamps').map((r) => [r.idempotencyKey, r.body])).toEqual([
      [`${run.id}:stamp:1`, { customerId: who.id, stamps: 3, pluginVersion: 2 }],
    ]);
  }, 180_000);
});
