import { simulate, type FlowGraph } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import flow from '../../../../shared/templates/eproduct-payment-reminder/flow.json';
import unpaid from '../../../../shared/templates/eproduct-payment-reminder/events-unpaid.json';
import { endText, timelineEntries, type NodeNaming } from './timeline-entries';

const graph = flow as FlowGraph;
const naming: NodeNaming = {
  name: (id) => graph.nodes.find((n) => n.id === id)?.label ?? id,
  outputLabel: (id, output) => (id.startsWith('wait') ? { event: 'Happened', timeout: 'Timed out' }[output] : id === 'is_ebook' ? { yes: 'Yes', no: 'No' }[output] : undefined),
};

describe('timelineEntries', () => {
  it('lists every step, each effect as its message, and the end', () => {
    const entries = timelineEntries(simulate(graph, unpaid), naming);
    const lines = entries.map((e) => (e.kind === 'step' ? `${e.at} ${e.nodeName}: ${e.text}` : e.kind === 'action' ? `${e.at} ${e.title} [${e.action.status}]` : `${e.at} ${e.text}`));
    expect(lines).toEqual([
      '+0 h trigger: started (order.created)',
      '+0 h Contains an e-book?: yes',
      '+0 h Paid within a day?: waiting until +24 h for order.paid',
      '+24 h Paid within a day?: timed out',
      '+24 h SMS to +420777123456 [sent]',
      '+24 h Paid within two more days?: waiting until +3 d for order.paid',
      '+3 d Paid within two more days?: timed out',
      '+3 d Email to jana.novakova@example.com [sent]',
      '+3 d Webhook POST https://shop.example.com/api/orders/ord-5001/cancel [done]',
      '+3 d Done: the path ran out of connections',
    ]);
    const sms = entries[4];
    expect(sms?.kind === 'action' && sms.action.body).toBe(
      'Hi Jana, order 2025-5001 (349 CZK) is still waiting for payment. As soon as it arrives, we will email you the e-book.',
    );
  });

  it('gives a live message still on its way its own entry, and leaves the end out while the run goes on', () => {
    const entries = timelineEntries(
      {
        steps: [{ atSeconds: 0, nodeId: 'sms', type: 'action.sendSms', outcome: 'waiting', detail: 'for the send window' }],
        actions: [{ atSeconds: 3.5, nodeId: 'sms', type: 'action.sendSms', channel: 'sms', to: '+420777123456', body: 'Hi', status: 'queued' }],
      },
      naming,
    );
    expect(entries.map((e) => [e.kind, e.at, e.kind === 'action' ? e.title : e.kind === 'step' ? e.text : ''])).toEqual([
      ['step', '+0 h', 'waiting for the send window'],
      ['action', '+4 s', 'SMS to +420777123456'],
    ]);
    expect(timelineEntries({ steps: [], actions: [{ atSeconds: 0, nodeId: 'tag', type: 'action.tag', body: 'vip', status: 'done' }] }, naming)).toMatchObject([{ kind: 'action', title: 'tag: vip' }]);
  });

  it('says how a run ended in words', () => {
    expect(endText({ atSeconds: 0, reason: 'notStarted', detail: 'no order.created event started the flow' })).toBe('The flow did not start (no order.created event started the flow)');
    expect(endText({ atSeconds: 10, reason: 'waiting', nodeId: 'w' })).toBe('Still waiting when the scenario ends');
    expect(endText({ atSeconds: 10, reason: 'goal' })).toBe("Reached the goal: the flow's exit event happened");
  });
});
