import type { FlowGraph, GraphNode } from '@nudgeflow/shared';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../runtime/src/channels/http-signature';
import { eventually, sleep } from './poll';
import { ebookOrder, shopEvent, shopper } from './shop-data';
import { useIntegrationStack } from './stack-harness';

/*
 * Webhooks and code pools on the real stack: the worker process calls a local "shop" endpoint
 * that checks our signature as a shop would, and hands out codes from a pool imported over HTTP.
 */

const WEBHOOK_SECRET = 'integration-webhook-secret-0123';

interface Received {
  path: string;
  idempotencyKey: string;
  /** "valid", or why the shop's check refused it. */
  signature: string;
  body: string;
  answered: number;
}

let shop: Server;
let shopPort: number;
const received: Received[] = [];
/** Answers per path, in turn; 200 once a path's list is used up. */
let answers: Record<string, number[]> = {};
/** Idempotency keys the shop acted on (answered 2xx): what "exactly once" means for it. */
const accepted = new Set<string>();

// Before the stack's own beforeAll, so it is up when the stack's first flow runs.
beforeAll(async () => {
  shop = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      const check = verifyWebhookSignature({ secret: WEBHOOK_SECRET, header: req.headers['x-nudgeflow-signature']?.toString(), body });
      const idempotencyKey = req.headers['idempotency-key']?.toString() ?? '';
      const status = !check.ok ? 401 : accepted.has(idempotencyKey) ? 200 : (answers[path]?.shift() ?? 200);
      if (check.ok && status < 300) accepted.add(idempotencyKey);
      received.push({ path, idempotencyKey, signature: check.ok ? 'valid' : check.reason, body, answered: status });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopPort = (shop.address() as AddressInfo).port;
});
afterAll(async () => {
  shop?.closeAllConnections();
  await new Promise((resolve) => shop?.close(resolve));
});

const stack = useIntegrationStack({ env: () => ({ NUDGEFLOW_WEBHOOK_SECRET: WEBHOOK_SECRET, NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' }) });

beforeEach(() => {
  received.length = 0;
  answers = {};
  accepted.clear();
});

const at = (y: number) => ({ x: 0, y });

/** `event` -> `action` -> an exit per output, so the step log shows which output was taken. */
function flowOf(name: string, event: string, action: Omit<GraphNode, 'position'>, outputs: string[]): FlowGraph {
  return {
    schemaVersion: 1,
    name,
    settings: { reentry: 'always', runPer: 'contact', exitOn: [], timezone: 'UTC' },
    nodes: [
      { id: 'trigger', type: 'trigger.event', position: at(0), config: { event } },
      { ...action, position: at(150) },
      ...outputs.map((output, i) => ({ id: `after_${output}`, type: 'flow.exit', position: at(300 + i * 10), config: { reason: output } })),
    ],
    edges: [
      { id: 'e-trigger', source: 'trigger', target: action.id },
      ...outputs.map((output) => ({ id: `e-${output}`, source: action.id, sourceHandle: output, target: `after_${output}` })),
    ],
  };
}

const webhookTo = (url: string): Omit<GraphNode, 'position'> => ({
  id: 'hook',
  type: 'action.webhook',
  config: { method: 'POST', url, headers: {}, body: '{"order": "{{ order.number }}", "email": "{{ contact.email }}"}', timeoutSeconds: 5 },
});

/** Posts the event and resolves to its run once it has ended. */
async function runFor(flowId: string, event: string, label: string) {
  const who = shopper(label);
  const order = ebookOrder(label);
  const posted = await stack.api.postEvents(shopEvent(event, who, order));
  expect([posted.status, posted.body.accepted]).toEqual([202, 1]);
  const contactId = posted.body.results[0]?.contactId;
  const [run] = await eventually(`the run of ${label}`, () => stack.api.runs({ flowId, contactId }), (runs) => runs.length === 1 && runs[0]?.status === 'done', { timeoutMs: 60_000 });
  if (!run) throw new Error('unreachable: eventually checked the run');
  return { run: await stack.api.run(run.id), who, order };
}

describe('webhooks on the real stack', () => {
  it('a signed call that fails twice with 500 reaches the shop once, and the message records HTTP 200', async () => {
    const flowId = await stack.api.publishFlow(flowOf('Order to ERP', 'erp.sync', webhookTo(`http://127.0.0.1:${shopPort}/erp/orders`), ['next', 'failed']));
    answers['/erp/orders'] = [500, 500];
    const { run, who, order } = await runFor(flowId, 'erp.sync', 'erp');

    expect(run.steps.map((s) => [s.nodeId, s.outcome, s.detail])).toEqual([
      ['trigger', 'started', 'erp.sync'],
      ['hook', 'done', 'HTTP 200'],
      ['after_next', 'exited', 'next'],
    ]);
    const body = `{"order": "${order.number}", "email": "${who.email}"}`;
    expect(received.map((r) => [r.answered, r.signature, r.body])).toEqual([
      [500, 'valid', body],
      [500, 'valid', body],
      [200, 'valid', body],
    ]);
    expect(new Set(received.map((r) => r.idempotencyKey))).toEqual(new Set([expect.stringContaining(':hook:1')]));
    expect(accepted.size).toBe(1);
    const messages = await stack.api.messages({ runId: run.id });
    expect(messages).toEqual([expect.objectContaining({ channel: 'webhook', nodeId: 'hook', status: 'sent', reason: 'HTTP 200', provider: 'http', to: `POST http://127.0.0.1:${shopPort}/erp/orders`, body })]);
    await sleep(1000); // a stray retry would show by now
    expect(received).toHaveLength(3);
  }, 90_000);

  it('a host that is not allowed, although it is this machine: refused, the "failed" output with the reason', async () => {
    const flowId = await stack.api.publishFlow(flowOf('Probe', 'probe.internal', webhookTo(`http://localhost:${shopPort}/`), ['next', 'failed']));
    const { run } = await runFor(flowId, 'probe.internal', 'probe');

    const hook = run.steps.find((s) => s.nodeId === 'hook');
    expect(hook).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/^refused: "localhost" resolves to the loopback address (127\.0\.0\.1|::1) \(set NUDGEFLOW_WEBHOOK_ALLOW_PRIVATE to allow it\)$/) });
    expect(run.steps.at(-1)).toMatchObject({ nodeId: 'after_failed', outcome: 'exited' });
    expect(received).toEqual([]);
    expect(await stack.api.messages({ runId: run.id })).toEqual([expect.objectContaining({ channel: 'webhook', status: 'failed', reason: hook?.detail })]);
  }, 90_000);
});

describe('code pools on the real stack', () => {
  it('an "Assign a code" node gives two contacts two different codes, which a later webhook sends to the shop', async () => {
    await stack.api.importCodes('vip_welcome', ['VIP-AAAA-1111', 'VIP-BBBB-2222', 'VIP-CCCC-3333']);
    const graph = flowOf('VIP welcome code', 'vip.joined', { id: 'code', type: 'action.assignCode', config: { pool: 'vip_welcome' } }, ['next', 'empty']);
    // After the code: the shop is told which code the contact got.
    const report = { ...webhookTo(`http://127.0.0.1:${shopPort}/vip`), id: 'report', position: at(200) };
    report.config = { ...report.config, body: '{"email": "{{ contact.email }}", "code": "{{ codes.vip_welcome }}"}' };
    const flowId = await stack.api.publishFlow({
      ...graph,
      nodes: [...graph.nodes, report],
      edges: [...graph.edges.map((e) => (e.id === 'e-next' ? { ...e, target: 'report' } : e)), { id: 'e-report', source: 'report', target: 'after_next' }],
    });

    const [one, two] = await Promise.all([runFor(flowId, 'vip.joined', 'vip-one'), runFor(flowId, 'vip.joined', 'vip-two')]);
    for (const { run } of [one, two]) expect(run.steps.map((s) => [s.nodeId, s.outcome])).toEqual([['trigger', 'started'], ['code', 'done'], ['report', 'done'], ['after_next', 'exited']]);
    const told: Record<string, string> = Object.fromEntries(received.map((r) => [JSON.parse(r.body).email, JSON.parse(r.body).code]));
    expect(Object.keys(told).sort()).toEqual([one.who.email, two.who.email].sort());
    expect(new Set(Object.values(told)).size).toBe(2);
    expect(Object.values(told).every((code) => ['VIP-AAAA-1111', 'VIP-BBBB-2222'].includes(code))).toBe(true);
    expect((await stack.api.get('/api/code-pools/vip_welcome'))).toMatchObject({ total: 3, assigned: 2, remaining: 1 });
  }, 90_000);
});
