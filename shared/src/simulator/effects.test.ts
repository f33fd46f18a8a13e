import { describe, expect, it } from 'vitest';
import { graphOf, type NodeSpec } from '../interpreter/test-flows';
import { formatTimeline } from './format-timeline';
import { mjmlToText } from './mjml-text';
import { simulate } from './simulate';

const DAY = 86400;
const contact = { id: 'c1', firstName: 'Eva', email: 'eva@example.com', phone: '+420777000111', consent: { email: true, sms: true }, tags: ['lead'] };
const start = { atSeconds: 0, type: 'customer.registered' };
const trigger: NodeSpec = ['trigger', 'trigger.event', { event: 'customer.registered' }];
const chain = (nodes: NodeSpec[], extraEdges: string[] = [], settings: Record<string, unknown> = {}) =>
  graphOf([trigger, ...nodes], [...['trigger', ...nodes.map((n) => n[0])].slice(0, -1).map((id, i) => `${id}->${nodes[i]![0]}`), ...extraEdges], settings);

describe('simulated effects', () => {
  it('hands out pool codes until the pool is empty, then follows "empty"', () => {
    const g = chain([
      ['code1', 'action.assignCode', { pool: 'vip' }],
      ['code2', 'action.assignCode', { pool: 'vip' }],
      ['other', 'action.assignCode', {}],
    ]);
    const graph = { ...g, nodes: [...g.nodes, { id: 'none', type: 'flow.exit', position: { x: 0, y: 0 }, config: { reason: 'no codes' } }], edges: [...g.edges, { id: 'x', source: 'code2', sourceHandle: 'empty', target: 'none' }] };
    const result = simulate(graph, { contact, events: [start], codePools: { vip: ['V-1'] } });
    expect(result.actions).toEqual([
      { atSeconds: 0, nodeId: 'code1', type: 'action.assignCode', status: 'done', body: 'V-1' },
      { atSeconds: 0, nodeId: 'code2', type: 'action.assignCode', status: 'skipped', reason: 'pool "vip" is empty' },
    ]);
    expect(result.end).toEqual({ atSeconds: 0, reason: 'exited', nodeId: 'none', detail: 'no codes' });
    const synthetic = simulate(chain([['other', 'action.assignCode', {}]]), { contact, events: [start] });
    expect(synthetic.actions[0]?.body).toBe('DISCOUNT-0001');
  });

  it('renders email subjects with Liquid and reduces MJML to text', () => {
    const mjml = '<mjml><mj-head><mj-title>T</mj-title></mj-head><mj-body><mj-text>Hi {{ contact.firstName }},&nbsp;use <b>{{ codes.welcome }}</b></mj-text></mj-body></mjml>';
    const g = chain([
      ['code', 'action.assignCode', { pool: 'welcome' }],
      ['mail', 'action.sendEmail', { subject: 'Welcome {{ contact.firstName }}', mjml }],
    ]);
    const result = simulate(g, { contact, events: [start] });
    expect(result.actions[1]).toEqual({
      atSeconds: 0,
      nodeId: 'mail',
      type: 'action.sendEmail',
      channel: 'email',
      to: 'eva@example.com',
      subject: 'Welcome Eva',
      body: 'Hi Eva, use WELCOME-0001',
      status: 'sent',
    });
    expect(formatTimeline(result, g).split('\n')[2]).toBe("+0s       mail     Email to eva@example.com 'Welcome Eva'");
  });

  it('fails a message whose template does not render, with the engine’s message', () => {
    const g = chain([['mail', 'action.sendEmail', { subject: 'Hi {{ contact.firstName | nosuch }}', mjml: '<mjml></mjml>' }]]);
    const result = simulate(g, { contact, events: [start] });
    expect(result.actions).toEqual([
      { atSeconds: 0, nodeId: 'mail', type: 'action.sendEmail', channel: 'email', status: 'failed', reason: 'subject: undefined filter: nosuch, line:1, col:4' },
    ]);
    expect(result.end).toEqual({ atSeconds: 0, reason: 'completed', nodeId: 'mail' });
  });

  it('skips email without an address, and marketing email without consent', () => {
    const g = chain([['mail', 'action.sendEmail', { subject: 'Hi', mjml: '<mjml></mjml>' }]]);
    const { email: _email, ...noEmail } = contact;
    expect(simulate(g, { contact: noEmail, events: [start] }).actions[0]).toMatchObject({ status: 'skipped', reason: 'no email address' });
    expect(simulate(g, { contact: { ...contact, consent: {} }, events: [start] }).actions[0]).toMatchObject({ status: 'skipped', reason: 'no consent' });
    const transactional = chain([['mail', 'action.sendEmail', { subject: 'Hi', mjml: '<mjml></mjml>', transactional: true }]]);
    expect(simulate(transactional, { contact: { ...contact, consent: {} }, events: [start] }).actions[0]).toMatchObject({ status: 'sent' });
  });

  it('calls webhooks with the status the scenario gives, following "failed" on errors', () => {
    const g = chain([['hook', 'action.webhook', { url: 'https://crm.example.com/c/{{ contact.id }}', body: '{"tags": "{{ contact.tags | join: "," }}"}' }]], ['hook:failed->oops'], {});
    const graph = { ...g, nodes: [...g.nodes, { id: 'oops', type: 'flow.exit', position: { x: 0, y: 0 }, config: { reason: 'crm down' } }] };
    const ok = simulate(graph, { contact, events: [start] });
    expect(ok.actions).toEqual([
      { atSeconds: 0, nodeId: 'hook', type: 'action.webhook', channel: 'webhook', to: 'POST https://crm.example.com/c/c1', body: '{"tags": "lead"}', status: 'done', reason: 'HTTP 200' },
    ]);
    const down = simulate(graph, { contact, events: [start], webhookStatus: { hook: 503 } });
    expect(down.actions[0]).toMatchObject({ status: 'failed', reason: 'HTTP 503' });
    expect(down.end).toEqual({ atSeconds: 0, reason: 'exited', nodeId: 'oops', detail: 'crm down' });
  });

  it('tags and updates the run’s contact, which later nodes see', () => {
    const g = chain([
      ['tag', 'action.tag', { add: ['vip'], remove: ['lead'] }],
      ['set', 'action.updateContact', { set: { customerType: 'vip', 'attributes.tier': 'gold' } }],
      ['sms', 'action.sendSms', { body: '{{ contact.tags | join: "," }} {{ contact.customerType }} {{ contact.attributes.tier }}', transactional: true }],
    ]);
    const result = simulate(g, { contact, events: [start] });
    expect(result.actions.map((a) => a.body)).toEqual(['vip', 'customerType=vip, attributes.tier=gold', 'vip vip gold']);
  });

  it('notifies staff on the internal channel', () => {
    const g = chain([['alert', 'action.notify', { to: ['a@example.com', 'b@example.com'], subject: 'New: {{ contact.email }}', body: 'Hello' }]]);
    const result = simulate(g, { contact, events: [start] });
    expect(result.actions[0]).toEqual({
      atSeconds: 0,
      nodeId: 'alert',
      type: 'action.notify',
      channel: 'internal',
      to: 'a@example.com, b@example.com',
      subject: 'New: eva@example.com',
      body: 'Hello',
      status: 'sent',
    });
  });
});

describe('simulated lookups', () => {
  it('answers hasPurchased from past orders and scripted orders up to now', () => {
    const g = chain([
      ['wait', 'wait.delay', { duration: 'P2D' }],
      ['bought', 'condition.hasPurchased', { categories: ['tea'], withinDays: 30 }],
    ]);
    const past = { id: 'p1', number: '900', at: '2025-11-01T10:00:00Z', items: [{ sku: 'T1', category: 'tea' }] };
    expect(simulate(g, { contact, events: [start], orders: [past] }).steps.at(-1)).toMatchObject({ nodeId: 'bought', outcome: 'no' });
    const recent = { ...past, at: '2026-01-01T10:00:00Z' };
    expect(simulate(g, { contact, events: [start], orders: [recent] }).steps.at(-1)).toMatchObject({ outcome: 'yes', detail: 'order 900' });
    const scripted = { atSeconds: DAY, type: 'order.paid', order: { id: 'o5', number: '1005', items: [{ sku: 'T2', category: 'tea' }] } };
    expect(simulate(g, { contact, events: [start, scripted] }).steps.at(-1)).toMatchObject({ outcome: 'yes', detail: 'order 1005' });
    const tooLate = { ...scripted, atSeconds: 3 * DAY };
    expect(simulate(g, { contact, events: [start, tooLate] }).steps.at(-1)).toMatchObject({ outcome: 'no' });
  });

  it("does not count the order that started the run as a repeat purchase", () => {
    const g = chain([['bought', 'condition.hasPurchased', { categories: ['tea'] }]]);
    const own = { ...start, order: { id: 'o1', number: '1001', items: [{ sku: 'T1', category: 'tea' }] } };
    expect(simulate(g, { contact, events: [own] }).steps.at(-1)).toMatchObject({ nodeId: 'bought', outcome: 'no' });
    const another = { atSeconds: 0, type: 'order.paid', order: { id: 'o0', number: '999', items: [{ sku: 'T1', category: 'tea' }] } };
    expect(simulate(g, { contact, events: [another, own] }).steps.at(-1)).toMatchObject({ outcome: 'yes', detail: 'order 999' });
  });

  it('answers engagement from scripted opens that name the message node', () => {
    const g = chain([
      ['mail', 'action.sendEmail', { subject: 'Hi', mjml: '<mjml></mjml>' }],
      ['wait', 'wait.delay', { duration: 'P1D' }],
      ['opened', 'condition.engagement', { nodeId: 'mail', action: 'opened', withinSeconds: 3600 }],
    ]);
    const open = (atSeconds: number, nodeId = 'mail') => ({ atSeconds, type: 'email.opened', data: { nodeId } });
    const outcome = (events: object[]) => simulate(g, { contact, events: [start, ...events] as never }).steps.at(-1)?.outcome;
    expect(outcome([open(600)])).toBe('yes');
    expect(outcome([open(7200)])).toBe('no');
    expect(outcome([open(600, 'other')])).toBe('no');
  });

  it('counts the simulation’s own marketing messages for the frequency cap', () => {
    const sms = (id: string): NodeSpec => [id, 'action.sendSms', { body: id }];
    const g = chain([sms('s1'), sms('s2'), sms('s3')], [], { frequencyCap: { max: 2, perSeconds: DAY, onLimit: 'delay' } });
    const result = simulate(g, { contact, events: [start] });
    expect(result.actions.map((a) => [a.nodeId, a.atSeconds])).toEqual([
      ['s1', 0],
      ['s2', 0],
      ['s3', DAY],
    ]);
    expect(result.steps.filter((s) => s.nodeId === 's3').map((s) => s.outcome)).toEqual(['delayed', 'sent']);
  });

  it('holds messages for the send window', () => {
    const window = { sendWindow: { from: '09:00', to: '20:00', timezone: 'Europe/Prague' } };
    const g = chain([['s1', 'action.sendSms', { body: 'Hi' }]], [], window);
    // Registered at 22:00 Prague time: the SMS goes out at 09:00 the next day.
    const result = simulate(g, { contact, events: [{ atSeconds: 13 * 3600, type: 'customer.registered' }] });
    expect(result.steps.map((s) => [s.atSeconds, s.outcome, s.detail])).toEqual([
      [13 * 3600, 'started', 'customer.registered'],
      [13 * 3600, 'delayed', 'send window'],
      [DAY, 'sent', undefined],
    ]);
  });
});

describe('mjmlToText', () => {
  it('drops the head, styles, comments and tags, and decodes common entities', () => {
    expect(mjmlToText('<mjml><mj-head><mj-style>.a{}</mj-style></mj-head><mj-body><!-- x --><mj-text>A &amp; B</mj-text>\n\n<mj-text>C&lt;D</mj-text></mj-body></mjml>')).toBe('A & B C<D');
  });

  it('decodes numeric entities, as escaped Liquid output writes quotes', () => {
    expect(mjmlToText('<mj-text>&#34;Hi&#34; &#39;you&#39; &#x2764; &#9999999;</mj-text>')).toBe('"Hi" \'you\' ❤');
  });
});
