import { simulate, type FlowGraph } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import flow from '../../../../shared/templates/eproduct-payment-reminder/flow.json';
import paidEarly from '../../../../shared/templates/eproduct-payment-reminder/events-paid-early.json';
import unpaid from '../../../../shared/templates/eproduct-payment-reminder/events-unpaid.json';
import { pathOverlay } from './path-overlay';

const graph = flow as FlowGraph;

describe('pathOverlay', () => {
  it('marks the nodes an unpaid order reaches, with when, and the connections through the timeout', () => {
    const overlay = pathOverlay(graph, simulate(graph, unpaid));
    expect(overlay.nodes).toEqual({
      trigger: { state: 'reached', reachedAt: 0, lastAt: 0, outcome: 'started' },
      is_ebook: { state: 'reached', reachedAt: 0, lastAt: 0, outcome: 'yes' },
      wait_paid: { state: 'reached', reachedAt: 0, lastAt: 86400, outcome: 'timeout' },
      sms_reminder: { state: 'reached', reachedAt: 86400, lastAt: 86400, outcome: 'sent' },
      wait_paid_again: { state: 'reached', reachedAt: 86400, lastAt: 259200, outcome: 'timeout' },
      email_cancelled: { state: 'reached', reachedAt: 259200, lastAt: 259200, outcome: 'sent' },
      webhook_cancel: { state: 'reached', reachedAt: 259200, lastAt: 259200, outcome: 'done' },
    });
    expect([...overlay.edges].sort()).toEqual([
      'email_cancelled-webhook_cancel',
      'is_ebook-yes-wait_paid',
      'sms_reminder-wait_paid_again',
      'trigger-is_ebook',
      'wait_paid-timeout-sms_reminder',
      'wait_paid_again-timeout-email_cancelled',
    ]);
  });

  it('follows the "paid" branch when the order is paid at +2 h', () => {
    const overlay = pathOverlay(graph, simulate(graph, paidEarly));
    expect(Object.keys(overlay.nodes)).toEqual(['trigger', 'is_ebook', 'wait_paid', 'assign_licence', 'email_licence']);
    expect(overlay.nodes.wait_paid).toEqual({ state: 'reached', reachedAt: 0, lastAt: 7200, outcome: 'event' });
    expect([...overlay.edges].sort()).toEqual(['assign_licence-email_licence', 'is_ebook-yes-wait_paid', 'trigger-is_ebook', 'wait_paid-event-assign_licence']);
  });

  it('prefers the connection from the output taken when two lead to the same node, and marks where a live run is', () => {
    const twoWays: FlowGraph = {
      ...graph,
      edges: [
        { id: 'yes', source: 'cond', sourceHandle: 'yes', target: 'sms' },
        { id: 'no', source: 'cond', sourceHandle: 'no', target: 'sms' },
      ],
    };
    const steps = [
      { atSeconds: 0, nodeId: 'cond', type: 'condition.rules', outcome: 'no' },
      { atSeconds: 60, nodeId: 'sms', type: 'action.sendSms', outcome: 'waiting', detail: 'for the send window' },
    ];
    const overlay = pathOverlay(twoWays, { steps, currentNodeId: 'sms' });
    expect([...overlay.edges]).toEqual(['no']);
    expect(overlay.nodes.sms).toEqual({ state: 'current', reachedAt: 60, lastAt: 60, outcome: 'waiting' });
    expect(pathOverlay(twoWays, { steps: [] })).toEqual({ nodes: {}, edges: new Set() });
  });
});
