import type { FlowGraph, GraphDiff } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { noChanges } from '../../../shared/src/graph/test-diff';
import { changeSections, firstVersionText, unchangedText } from './change-summary';

describe('change summary', () => {
  it('counts a first version', () => {
    const graph = { nodes: [{}, {}, {}], edges: [{}] } as FlowGraph;
    expect(firstVersionText(graph)).toBe('First version: 3 nodes, 1 connection');
  });

  it('groups the changes, leaving out empty groups', () => {
    const diff: GraphDiff = {
      ...noChanges,
      name: { before: 'Reminder', after: 'Payment reminder' },
      nodesAdded: [{ id: 'sms1', type: 'action.sendSms', title: 'Send SMS' }],
      nodesChanged: [{ id: 'w', type: 'wait.untilEvent', title: 'Wait for payment', fields: ['Name', 'Give up after'] }],
      edgesRemoved: [{ source: 'w', sourceHandle: 'timeout', target: 'x', text: 'Wait for payment (Timed out) → Exit' }],
      settingsChanged: ['Send window'],
      nodesMoved: ['t'],
    };
    expect(changeSections(diff)).toEqual([
      { title: 'Renamed', items: ['“Reminder” → “Payment reminder”'] },
      { title: 'Nodes added', items: ['Send SMS (sms1)'] },
      { title: 'Nodes changed', items: ['Wait for payment (w): Name, Give up after'] },
      { title: 'Connections removed', items: ['Wait for payment (Timed out) → Exit'] },
      { title: 'Flow settings changed', items: ['Send window'] },
    ]);
    expect(unchangedText(diff, 2)).toBeUndefined();
  });

  it('says when only the layout changed, or nothing at all', () => {
    expect(changeSections({ ...noChanges, nodesMoved: ['a', 'b'] })).toEqual([]);
    expect(unchangedText({ ...noChanges, nodesMoved: ['a', 'b'] }, 3)).toBe('Layout only: 2 nodes were moved since version 3; the flow works the same.');
    expect(unchangedText(noChanges, 3)).toBe('Nothing changed since version 3.');
  });
});
