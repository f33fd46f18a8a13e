import { describe, expect, it } from 'vitest';
import { formatProblem, summarizeGraph } from './format';
import { graphOf, reminder, reminderNodes } from './test-graph';
import { validate } from './validate';

describe('formatProblem', () => {
  const graph = validate(reminder()).graph;

  it('names the node, its type, the field and the template position', () => {
    const line = formatProblem(
      { severity: 'error', code: 'unknown-variable', nodeId: 's', field: 'body', line: 2, column: 5, message: 'unknown variable "contact.frstName" (did you mean contact.firstName?)' },
      graph,
    );
    expect(line).toBe('error  node s (action.sendSms) › body, line 2, col 5: unknown variable "contact.frstName" (did you mean contact.firstName?)');
  });

  it('names an edge by its ends', () => {
    expect(formatProblem({ severity: 'error', code: 'unknown-output', edgeId: 'e2', nodeId: 'c', field: 'sourceHandle', message: 'no such output' }, graph)).toBe(
      'error  edge e2 (c → w) › sourceHandle: no such output',
    );
  });

  it('works without the graph, and for flow-level problems and warnings', () => {
    expect(formatProblem({ severity: 'error', code: 'unreachable', nodeId: 'zz', message: 'never runs' })).toBe('error  node zz: never runs');
    expect(formatProblem({ severity: 'warning', code: 'exit-on-trigger-event', field: 'settings.exitOn.0.event', message: 'ends at once' })).toBe(
      'warning flow › settings.exitOn.0.event: ends at once',
    );
    expect(formatProblem({ severity: 'error', code: 'no-trigger', message: 'no trigger' })).toBe('error  flow: no trigger');
  });
});

describe('summarizeGraph', () => {
  it('counts nodes and edges and names the trigger event', () => {
    expect(summarizeGraph(validate(reminder()).graph!)).toBe('Payment reminder: 5 nodes, 4 edges, trigger order.created');
  });

  it('describes a schedule trigger by its summary', () => {
    const graph = validate(graphOf([['t', 'trigger.inactivity', { activity: 'order', days: 90 }]], [])).graph!;
    expect(summarizeGraph(graph)).toBe('Payment reminder: 1 node, 0 edges, trigger when not ordered for 90 days');
  });

  it('says when there is no trigger', () => {
    const graph = validate(graphOf(reminderNodes.slice(1, 2), [])).graph!;
    expect(summarizeGraph(graph)).toBe('Payment reminder: 1 node, 0 edges, no trigger');
  });
});
