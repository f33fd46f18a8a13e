import type { FlowGraph, ScenarioInput } from '@nudgeflow/shared';
import { useEffect, useState } from 'react';
import { useEditorRegistry } from '../../app/node-types-context';
import { useFlowStore } from '../../store/flow-store';
import { runSimulation, type SimulationOutcome } from './run-simulation';

/** How long edits must pause before the draft is simulated again. */
export const SIMULATE_DELAY_MS = 250;

export type SimulationState = { kind: 'pending' } | (SimulationOutcome & { graph: FlowGraph });

/**
 * The simulation of the current draft for a scenario, run again once edits pause (undefined
 * scenario: the JSON is invalid, so the last result stays until it is fixed).
 */
export function useSimulation(scenario: ScenarioInput | undefined): SimulationState {
  const graph = useFlowStore((s) => s.graph);
  const problems = useFlowStore((s) => s.problems);
  const flowId = useFlowStore((s) => s.flowId);
  const registry = useEditorRegistry();
  const [state, setState] = useState<SimulationState>({ kind: 'pending' });

  useEffect(() => {
    if (!scenario) return;
    const timer = setTimeout(() => setState({ ...runSimulation(graph, problems, scenario, registry, flowId), graph }), SIMULATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [graph, problems, scenario, flowId, registry]);

  return state;
}
