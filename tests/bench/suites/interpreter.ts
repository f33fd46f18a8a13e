import { simulate, validate } from '@nudgeflow/shared';
import { templates } from '@nudgeflow/shared/templates';
import { bigGraph } from '../big-graph';
import type { BenchRow } from '../results-file';

function timeIt(fn: () => void, minMs = 1000): { perRunMs: number; runs: number } {
  fn(); // warm-up: JIT and caches, as in a long-running server
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return { perRunMs: (performance.now() - start) / runs, runs };
}

export async function interpreterSuite(): Promise<{ rows: BenchRow[]; notes: string }> {
  const big = bigGraph(1000);
  const validation = timeIt(() => {
    if (!validate(big).ok) throw new Error('the 1,000-node bench graph must be valid');
  });

  // Steps per second over every template's sample scenario, and over the big looping flow.
  // Simulation is deterministic, so the steps of one pass count for every pass.
  const stepsPerPass = templates.reduce((n, t) => n + simulate(t.graph, t.scenario).steps.length, 0);
  const lib = timeIt(() => {
    for (const t of templates) simulate(t.graph, t.scenario);
  });
  const libStepsPerSec = stepsPerPass / (lib.perRunMs / 1000);

  const loopScenario = {
    contact: { id: 'bench', firstName: 'Bench', email: 'bench@example.com', phone: '+420777000111' },
    events: [{ atSeconds: 0, type: 'order.created', order: { id: 'o1', number: '1', total: 500, items: [] } }],
    horizonSeconds: 200 * 3600,
  };
  let loopSteps = 0;
  const loop = timeIt(() => {
    loopSteps = simulate(big, loopScenario).steps.length;
  });

  const rows: BenchRow[] = [
    { metric: 'validate a 1,000-node graph', value: validation.perRunMs, unit: 'ms', target: '< 100 ms', met: validation.perRunMs < 100 },
    { metric: 'simulator, template library scenarios', value: libStepsPerSec, unit: 'steps/s' },
    { metric: `simulator, 1,000-node looping flow (${loopSteps} steps per run)`, value: loopSteps / (loop.perRunMs / 1000), unit: 'steps/s' },
  ];
  return { rows, notes: `Each figure is the mean over repeated runs for at least one second after a warm-up run, in one process.` };
}
