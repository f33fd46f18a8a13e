import type { FlowGraph, SimAction } from '@nudgeflow/shared';
import { useCallback, useMemo } from 'react';
import { nodeById } from '../../canvas/graph-index';
import type { PreviewSample } from '../../inspector/email/preview-api';
import type { TestRunView } from '../live/test-run-api';
import type { SimulationState } from '../simulate/use-simulation';
import { RunTimeline } from '../timeline/RunTimeline';
import { emailSamples } from '../timeline/run-codes';
import { timelineEntries } from '../timeline/timeline-entries';
import { useNodeNaming } from './use-node-naming';

const liveStatus: Record<TestRunView['status'], string> = {
  running: 'running',
  done: 'ended',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** What the test did: the live run while one is shown, else the simulation of the draft. */
export interface TestResultProps {
  simulation: SimulationState;
  live: TestRunView | undefined;
  /** The scenario JSON is valid (a simulation is on its way). */
  scenarioReady: boolean;
  sample: PreviewSample;
  graph: FlowGraph;
}

export function TestResult({ simulation, live, scenarioReady, sample, graph }: TestResultProps) {
  const naming = useNodeNaming(graph);
  const run = live ?? (simulation.kind === 'done' ? simulation.result : undefined);
  const entries = useMemo(() => (run ? timelineEntries(run, naming) : []), [run, naming]);
  const samples = useMemo(() => {
    const poolOf = (nodeId: string) => {
      const pool = nodeById(graph, nodeId)?.config.pool;
      return typeof pool === 'string' ? pool : undefined;
    };
    return emailSamples(run?.actions ?? [], sample, poolOf);
  }, [run, sample, graph]);
  const sampleOf = useCallback((action: SimAction) => samples.get(action) ?? sample, [samples, sample]);
  const heading = live ? `Live test (${liveStatus[live.status]})` : 'Simulation';

  return (
    <section className="nf-side-section" aria-label="Test result">
      <h3>{heading}</h3>
      {live ? null : simulation.kind === 'blocked' ? (
        <p className="nf-notice" role="status">
          Fix the problems first: the draft has {simulation.errors === 1 ? 'an error' : `${simulation.errors} errors`} (see Problems).
        </p>
      ) : simulation.kind === 'failed' ? (
        <p className="nf-error-text" role="alert">
          {simulation.message}
        </p>
      ) : simulation.kind === 'pending' ? (
        <p className="nf-hint">{scenarioReady ? 'Simulating…' : 'The simulation runs once the scenario JSON is valid.'}</p>
      ) : null}
      {run ? <RunTimeline entries={entries} sampleOf={sampleOf} label={live ? 'Live test timeline' : 'Simulation timeline'} /> : null}
    </section>
  );
}
