import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from './cli-harness';
import { reminderFlow, unpaidEvents } from './fixtures/reminder';

describe('nudgeflow validate', () => {
  it('accepts a valid flow with a one-line summary', async () => {
    const file = await tempFiles({ 'flow.json': reminderFlow });
    const r = await runCli('validate', file('flow.json'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(1);
    expect(r.out).toContain('flow.json: valid.');
    expect(r.out).toContain('Payment reminder');
  });

  it('lists every problem with the node and field, and exits 1', async () => {
    const broken = structuredClone(reminderFlow);
    (broken.nodes[1] as { config: Record<string, unknown> }).config.timeout = '24 hours';
    (broken.nodes[2] as { config: Record<string, unknown> }).config.body = 'Hi {{ contact.frstName }}';
    broken.edges.push({ id: 'e3', source: 'sms', target: 'ghost' });
    const file = await tempFiles({ 'flow.json': broken });
    const r = await runCli('validate', file('flow.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/3 errors/);
    expect(r.err).toMatch(/wait_paid.*timeout.*"24 hours"/);
    expect(r.err).toMatch(/sms.*body.*contact\.frstName.*contact\.firstName/);
    expect(r.err).toMatch(/e3.*ghost/);
  });

  it('prints machine-readable problems with --json', async () => {
    const file = await tempFiles({ 'flow.json': { ...reminderFlow, nodes: reminderFlow.nodes.slice(1), edges: [] } });
    const r = await runCli('validate', file('flow.json'), '--json');
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out);
    expect(body.ok).toBe(false);
    expect(body.problems.map((p: { code: string }) => p.code)).toContain('no-trigger');
  });

  it('names the line and column of broken JSON', async () => {
    const file = await tempFiles({ 'flow.json': '{\n  "schemaVersion": 1,\n  "name": "x"\n  "nodes": []\n}' });
    const r = await runCli('validate', file('flow.json'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`nudgeflow validate: ${file('flow.json')}:4:3: not valid JSON: expected "," or "}", found """`);
  });

  it('says so when the file is missing', async () => {
    const r = await runCli('validate', '/nonexistent/flow.json');
    expect(r.code).toBe(2);
    expect(r.err).toBe('nudgeflow validate: cannot read /nonexistent/flow.json: no such file');
  });
});

describe('nudgeflow simulate', () => {
  it('prints the readable timeline of an unpaid order: SMS at +24h', async () => {
    const file = await tempFiles({ 'flow.json': reminderFlow, 'events.json': unpaidEvents });
    const r = await runCli('simulate', file('flow.json'), '--events', file('events.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\+24h\s+sms\s+SMS to \+420777123456 'Hi Jana, order 1001 is waiting for payment\.'/);
    expect(r.out).toMatch(/end: completed/);
  });

  it('prints the JSON shape with --json', async () => {
    const file = await tempFiles({ 'flow.json': reminderFlow, 'events.json': unpaidEvents });
    const r = await runCli('simulate', file('flow.json'), '--events', file('events.json'), '--json');
    const result = JSON.parse(r.out);
    expect(result.actions).toEqual([
      expect.objectContaining({ atSeconds: 86400, nodeId: 'sms', type: 'action.sendSms', channel: 'sms', to: '+420777123456', body: 'Hi Jana, order 1001 is waiting for payment.' }),
    ]);
    expect(result.end).toEqual(expect.objectContaining({ atSeconds: 86400, reason: 'completed' }));
    expect(result.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual(['trigger', 'wait_paid', 'wait_paid', 'sms']);
  });

  it('takes the paid path when order.paid arrives at +2h', async () => {
    const paid = { ...unpaidEvents, events: [...unpaidEvents.events, { atSeconds: 7200, type: 'order.paid', order: { id: 'o1' } }] };
    const file = await tempFiles({ 'flow.json': reminderFlow, 'events.json': paid });
    const result = JSON.parse((await runCli('simulate', file('flow.json'), '--events', file('events.json'), '--json')).out);
    expect(result.actions).toEqual([]);
    expect(result.end).toEqual(expect.objectContaining({ atSeconds: 7200, reason: 'completed' }));
  });

  it('refuses an invalid flow without simulating', async () => {
    const file = await tempFiles({ 'flow.json': { ...reminderFlow, edges: [] }, 'events.json': unpaidEvents });
    const r = await runCli('simulate', file('flow.json'), '--events', file('events.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not valid, nothing was simulated/);
    expect(r.err).toMatch(/unreachable/i);
  });

  it('names the bad field of an events document', async () => {
    const file = await tempFiles({ 'flow.json': reminderFlow, 'events.json': { contact: {}, events: [{ atSeconds: -5, type: 'order.created' }] } });
    const r = await runCli('simulate', file('flow.json'), '--events', file('events.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/events\.0\.atSeconds/);
  });

  it('explains missing --events', async () => {
    const r = await runCli('simulate', 'flow.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing --events EVENTS\.json/);
  });
});

describe('nudgeflow templates and new', () => {
  it('writes a template that validates and simulates', async () => {
    const file = await tempFiles({});
    const dir = file('reminder');
    const created = await runCli('new', 'eproduct-payment-reminder', dir);
    expect(created.code).toBe(0);
    const flow = JSON.parse(await readFile(`${dir}/flow.json`, 'utf8'));
    expect(flow.schemaVersion).toBe(1);
    expect((await runCli('validate', `${dir}/flow.json`)).code).toBe(0);
    expect((await runCli('simulate', `${dir}/flow.json`, '--events', `${dir}/events.json`)).code).toBe(0);
    expect((await runCli('new', 'eproduct-payment-reminder', dir)).code).toBe(2);
  });

  it('lists templates and node types', async () => {
    expect((await runCli('templates')).out.split('\n').length).toBeGreaterThanOrEqual(10);
    const types = JSON.parse((await runCli('node-types', '--json')).out);
    expect(types.map((t: { type: string }) => t.type)).toContain('wait.untilEvent');
  });

  it('reports an unexpected failure in one line, without a stack trace', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://nobody:x@127.0.0.1:9/nothing';
    try {
      const r = await runCli('migrate');
      expect(r.code).toBe(1);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^nudgeflow migrate: .*ECONNREFUSED/);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });

  it("prints a command's usage for --help, without running it", async () => {
    const r = await runCli('plugins', '--help');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.split('\n')[0]).toBe('usage: nudgeflow plugins [--json | new TYPE]');
  });

  it('rejects an unknown command with help', async () => {
    const r = await runCli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "frobnicate"/);
  });
});
