import { simulate, type FlowGraph, type NodeRegistry, type Problem, type ScenarioInput, type SimulationResult } from '@nudgeflow/shared';

export type SimulationOutcome =
  /** The graph has errors: the simulator would only report them again. */
  | { kind: 'blocked'; errors: number }
  | { kind: 'done'; result: SimulationResult }
  | { kind: 'failed'; message: string };

/** Runs the shared simulator on the draft, as the server and the CLI would, unless the draft has errors. */
export function runSimulation(graph: FlowGraph, problems: readonly Problem[], scenario: ScenarioInput, registry: NodeRegistry, flowId?: string): SimulationOutcome {
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) return { kind: 'blocked', errors };
  try {
    return { kind: 'done', result: simulate(graph, scenario, { registry, ...(flowId ? { flowId } : {}) }) };
  } catch (error) {
    return { kind: 'failed', message: `the simulation stopped: ${error instanceof Error ? error.message : String(error)}` };
  }
}
