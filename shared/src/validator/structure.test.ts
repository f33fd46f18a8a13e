import { describe, expect, it } from 'vitest';
import { graphOf, placesOf, reminderEdges, reminderNodes, type NodeSpec } from './test-graph';
import { validate } from './validate';

const trigger: NodeSpec = ['t', 'trigger.event', { event: 'order.created' }];
const tag: NodeSpec = ['a', 'action.tag', { add: ['unpaid'] }];
const check: NodeSpec = ['b', 'condition.rules', { rules: [{ field: 'order.paymentStatus', op: 'neq', value: 'paid' }] }];
const sms: NodeSpec = ['c', 'action.sendSms', { body: 'Please pay order {{ order.number }}' }];

describe('validate: the graph as a whole', () => {
  it('reports a flow without a trigger', () => {
    const nodes = reminderNodes.filter((n) => n[0] !== 't');
    const result = validate(graphOf(nodes, reminderEdges.slice(1)));
    expect(placesOf(result.problems)).toEqual([{ severity: 'error', code: 'no-trigger' }]);
  });

  it('reports more than one trigger once, on the second', () => {
    const result = validate(graphOf([...reminderNodes, ['t2', 'trigger.event', { event: 'cart.updated' }]], [...reminderEdges, 't2->c']));
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'multiple-triggers',
        nodeId: 't2',
        message: 'the flow has 2 triggers (t, t2); a flow starts from exactly one, so remove the others',
      },
    ]);
  });

  it('reports each node the trigger cannot reach', () => {
    const result = validate(graphOf([...reminderNodes, tag, ['d', 'wait.delay', { duration: 'PT1H' }]], [...reminderEdges, 'a->d', 'd->a']));
    expect(placesOf(result.problems)).toEqual([
      { severity: 'error', code: 'unreachable', nodeId: 'a' },
      { severity: 'error', code: 'unreachable', nodeId: 'd' },
    ]);
  });

  it('reports a loop of three nodes without a wait, once, naming its nodes', () => {
    const result = validate(graphOf([trigger, tag, check, sms], ['t->a', 'a->b', 'b:yes->c', 'c->a']));
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'cycle-without-wait',
        nodeId: 'a',
        message: 'nodes a, b, c form a loop without a wait, so a run would go round it endlessly; put a wait in the loop or break it',
      },
    ]);
  });

  it('accepts the same loop when it goes through a wait', () => {
    const delay: NodeSpec = ['d', 'wait.delay', { duration: 'P1D' }];
    expect(validate(graphOf([trigger, tag, check, sms, delay], ['t->a', 'a->b', 'b:yes->c', 'c->d', 'd->a'])).problems).toEqual([]);
  });

  it('accepts a loop through a wait for an event', () => {
    const result = validate(graphOf([trigger, check, ['w', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }]], ['t->b', 'b:yes->w', 'w:timeout->b']));
    expect(result.problems).toEqual([]);
  });

  it('reports a node that leads back to itself', () => {
    const result = validate(graphOf([trigger, check], ['t->b', 'b:no->b']));
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'cycle-without-wait',
        nodeId: 'b',
        message: 'node b leads back to itself without a wait, so a run would go round it endlessly; put a wait in the loop or break it',
      },
    ]);
  });

  it('reports separate loops separately, in document order', () => {
    const other: NodeSpec[] = [
      ['p', 'condition.rules', { rules: [{ field: 'contact.orderCount', op: 'gt', value: 1 }] }],
      ['q', 'action.tag', { add: ['repeat'] }],
    ];
    const result = validate(graphOf([trigger, check, ...other, tag], ['t->b', 'b:yes->a', 'a->b', 'b:no->p', 'p:yes->q', 'q->p']));
    expect(placesOf(result.problems)).toEqual([
      { severity: 'error', code: 'cycle-without-wait', nodeId: 'b' },
      { severity: 'error', code: 'cycle-without-wait', nodeId: 'p' },
    ]);
    expect(result.problems.map((p) => p.message.split(' form')[0])).toEqual(['nodes b, a', 'nodes p, q']);
  });
});

describe('validate: warnings', () => {
  const waitNode: NodeSpec = ['w', 'wait.untilEvent', { event: 'order.paid', timeout: 'PT24H' }];

  it('warns about a wait with none of its outputs connected, without failing the flow', () => {
    const result = validate(graphOf([trigger, waitNode], ['t->w']));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: 'dead-end-wait',
        nodeId: 'w',
        message: 'nothing follows this wait, so the run just ends when it is over; connect at least one of its outputs (event, timeout)',
      },
    ]);
  });

  it('does not warn about unconnected outputs of a condition or a wait that continues somewhere', () => {
    const result = validate(graphOf([trigger, check, waitNode, sms], ['t->b', 'b:yes->w', 'w:timeout->c']));
    expect(result.problems).toEqual([]);
  });

  it('warns when runs end on the event that starts them', () => {
    const result = validate(graphOf(reminderNodes, reminderEdges, { settings: { exitOn: [{ event: 'order.paid' }, { event: 'order.created' }] } }));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: 'exit-on-trigger-event',
        field: 'settings.exitOn.1.event',
        message: '"order.created" both starts this flow (trigger t) and ends its runs, so every run would end at once',
      },
    ]);
  });

  it('does not warn when a filter tells the exit event apart', () => {
    const exitOn = [{ event: 'order.created', filter: { match: 'all' as const, rules: [{ field: 'order.total', op: 'gt' as const, value: 1000 }] } }];
    expect(validate(graphOf(reminderNodes, reminderEdges, { settings: { exitOn } })).problems).toEqual([]);
  });

  it('warns when a template uses a code pool that no node of the flow assigns', () => {
    const assign: NodeSpec = ['a', 'action.assignCode', { pool: 'welcome' }];
    const mail: NodeSpec = ['m', 'action.sendEmail', { subject: 'Code {{ codes.welcom }}', mjml: '<mjml>{{ codes.welcome }} {{ links.unsubscribe }}</mjml>' }];
    const result = validate(graphOf([trigger, assign, mail], ['t->a', 'a->m']));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: 'unassigned-code-pool',
        nodeId: 'm',
        field: 'subject',
        message: '"codes.welcom" renders empty: no "Assign a code" node in this flow uses pool "welcom" (this flow assigns: welcome)',
      },
    ]);
  });

  it('warns when a marketing email has no unsubscribe link, but not a transactional one', () => {
    const mail = (transactional: boolean): NodeSpec => ['m', 'action.sendEmail', { subject: 'Hi', mjml: '<mjml>Hello</mjml>', transactional }];
    expect(validate(graphOf([trigger, mail(false)], ['t->m'])).problems).toEqual([
      {
        severity: 'warning',
        code: 'missing-unsubscribe',
        nodeId: 'm',
        field: 'mjml',
        message: 'a marketing email should offer an unsubscribe link: add {{ links.unsubscribe }}, or mark the email transactional',
      },
    ]);
    expect(validate(graphOf([trigger, mail(true)], ['t->m'])).problems).toEqual([]);
  });
});
