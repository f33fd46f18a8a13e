import { builtinRegistry, type FlowGraph } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import flow from '../../../../shared/templates/eproduct-payment-reminder/flow.json';
import unpaid from '../../../../shared/templates/eproduct-payment-reminder/events-unpaid.json';
import { runSimulation } from './run-simulation';

const graph = flow as FlowGraph;

describe('runSimulation', () => {
  it('simulates a draft without errors', () => {
    const outcome = runSimulation(graph, [{ severity: 'warning', code: 'config-check', message: 'a warning' }], unpaid, builtinRegistry);
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.result.end).toEqual({ atSeconds: 259200, reason: 'completed', nodeId: 'webhook_cancel' });
  });

  it('refuses a draft with errors, counting them', () => {
    const problems = [
      { severity: 'error' as const, code: 'invalid-config' as const, message: 'one' },
      { severity: 'error' as const, code: 'invalid-edge' as const, message: 'two' },
      { severity: 'warning' as const, code: 'config-check' as const, message: 'three' },
    ];
    expect(runSimulation(graph, problems, unpaid, builtinRegistry)).toEqual({ kind: 'blocked', errors: 2 });
  });

  it('reports a simulation that throws instead of taking the panel down', () => {
    const outcome = runSimulation(graph, [], { contact: { id: '' } } as never, builtinRegistry);
    expect(outcome.kind).toBe('failed');
  });
});
