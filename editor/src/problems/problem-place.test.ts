import type { FlowGraph, Problem } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import type { NodeTypeInfo } from '../api/types';
import { problemCountText, problemPlace, problemTarget } from './problem-place';

const graph: FlowGraph = {
  schemaVersion: 1,
  name: 'Payment reminder',
  settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' },
  nodes: [
    { id: 'wait1', type: 'wait.untilEvent', position: { x: 0, y: 0 }, config: {} },
    { id: 'sms1', type: 'action.sendSms', label: 'Reminder SMS', position: { x: 0, y: 100 }, config: {} },
  ],
  edges: [{ id: 'e1', source: 'wait1', sourceHandle: 'timeout', target: 'sms1' }],
};
const types = [
  { type: 'wait.untilEvent', title: 'Wait for an event' },
  { type: 'action.sendSms', title: 'Send SMS' },
] as NodeTypeInfo[];

const problem = (place: Partial<Problem>, severity: Problem['severity'] = 'error'): Problem => ({ severity, code: 'invalid-config', message: 'bad', ...place });

describe('problemCountText', () => {
  it('counts errors and warnings', () => {
    expect(problemCountText([])).toBe('No problems');
    expect(problemCountText([problem({}), problem({}), problem({}, 'warning')])).toBe('2 errors, 1 warning');
    expect(problemCountText([problem({}, 'warning')])).toBe('1 warning');
  });
});

describe('problemPlace', () => {
  it('names the node by its label, or its type and id, with the template line', () => {
    expect(problemPlace(problem({ nodeId: 'sms1', line: 2 }), graph, types)).toBe('Reminder SMS (Send SMS), line 2');
    expect(problemPlace(problem({ nodeId: 'wait1' }), graph, types)).toBe('Wait for an event (wait1)');
    expect(problemPlace(problem({ nodeId: 'gone' }), graph, types)).toBe('node gone');
  });

  it('names a connection by its ends, and flow-level problems by the flow or its settings', () => {
    expect(problemPlace(problem({ edgeId: 'e1' }), graph, types)).toBe('Connection Wait for an event (wait1) → Reminder SMS (Send SMS)');
    expect(problemPlace(problem({ field: 'settings.sendWindow.to' }), graph, types)).toBe('Flow settings');
    expect(problemPlace(problem({}), graph, types)).toBe('Flow');
  });
});

describe('problemTarget', () => {
  it('selects the node and centres on it', () => {
    expect(problemTarget(problem({ nodeId: 'sms1' }), graph)).toEqual({ selection: { nodeIds: ['sms1'], edgeIds: [] }, nodeIds: ['sms1'] });
  });

  it('selects a connection and centres on both its ends', () => {
    expect(problemTarget(problem({ edgeId: 'e1' }), graph)).toEqual({ selection: { nodeIds: [], edgeIds: ['e1'] }, nodeIds: ['wait1', 'sms1'] });
  });

  it('clears the selection for the flow as a whole, so the flow settings show', () => {
    expect(problemTarget(problem({ field: 'settings.timezone' }), graph)).toEqual({ selection: { nodeIds: [], edgeIds: [] }, nodeIds: [] });
    expect(problemTarget(problem({ nodeId: 'gone' }), graph)).toEqual({ selection: { nodeIds: [], edgeIds: [] }, nodeIds: [] });
  });
});
