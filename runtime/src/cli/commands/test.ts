import { formatProblem, formatTimeline, type FlowGraph, type Problem, type SimEnd } from '@nudgeflow/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestRunView } from '../../api/test-runs/test-run-view';
import { AdminApi, apiError, type ApiAnswer } from '../admin-api';
import { parseCommandArgs } from '../args';
import { readFlowAndScenario } from '../flow-and-scenario';
import { CliError, EXIT_PROBLEMS, type CliIO } from '../io';

export const testUsage = 'nudgeflow test FLOW.json --events EVENTS.json [--live] [--time-scale N] [--json] [--url URL]';

/** The shell's code for a command stopped with Ctrl-C. */
export const EXIT_INTERRUPTED = 130;
const POLL_MS = 500;
/** After a cancel, how long to wait for the run to record its end before printing without it. */
const END_WAIT_MS = 10_000;

function timeScaleOf(text: string | undefined, live: boolean): number | undefined {
  if (text === undefined) return undefined;
  if (!live) throw new CliError(`--time-scale is for live runs: add --live\nusage: ${testUsage}`);
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale < 1 || scale > 86_400) throw new CliError(`--time-scale must be a number from 1 to 86400 (flow seconds per real second), not "${text}"`);
  return scale;
}

/** The API refused the flow or the scenario: every problem, as `validate` and `simulate` print them. */
function printRefusal(io: CliIO, answer: ApiAnswer, graph: FlowGraph): void {
  const error = apiError(answer.body);
  io.err(error?.message ?? `the API answered ${answer.status}`);
  if (!Array.isArray(error?.details)) return;
  for (const detail of error.details as (Problem | { path: string; message: string })[])
    io.err(`  ${'severity' in detail ? formatProblem(detail, graph) : `${detail.path || '(request)'}: ${detail.message}`}`);
}

/** Any other refusal (no workflow service, an unknown test run): the command could not do its job. */
function failure(answer: ApiAnswer): CliError {
  const error = apiError(answer.body);
  return new CliError(error?.message ?? `the API answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

async function read(api: AdminApi, id: string): Promise<TestRunView> {
  const answer = await api.call('GET', `/api/test-runs/${encodeURIComponent(id)}`);
  if (answer.status !== 200) throw failure(answer);
  return answer.body as TestRunView;
}

/** Polls the live run until it has ended; on `interrupt` cancels it and waits for its end (a while at most). */
async function follow(api: AdminApi, started: TestRunView, interrupt: AbortSignal): Promise<TestRunView> {
  let run = started;
  while (run.status === 'running') {
    await sleep(POLL_MS, undefined, { signal: interrupt }).catch(() => undefined);
    if (interrupt.aborted) {
      const answer = await api.call('POST', `/api/test-runs/${encodeURIComponent(run.id)}/cancel`);
      if (answer.status !== 200 && apiError(answer.body)?.code !== 'test_run_ended') throw failure(answer);
      break;
    }
    run = await read(api, run.id);
  }
  const deadline = Date.now() + END_WAIT_MS;
  for (run = await read(api, run.id); !run.end && Date.now() < deadline; run = await read(api, run.id)) await sleep(POLL_MS);
  return run;
}

/** Ctrl-C while a live run goes on cancels it instead of leaving it behind; the command then ends. */
function interruptOnSigint(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  return { signal: controller.signal, release: () => process.off('SIGINT', abort) };
}

/**
 * Tests a flow through a running Nudgeflow: simulated on the server, or (--live) run for real on
 * its worker as a test run on a compressed clock. Prints what `simulate` prints.
 */
export async function testCommand(args: string[], io: CliIO, options: { interrupt?: AbortSignal } = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { events: { type: 'string', short: 'e' }, live: { type: 'boolean' }, 'time-scale': { type: 'string' }, json: { type: 'boolean' }, url: { type: 'string' } },
    testUsage,
  );
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new CliError(`expected one flow file\nusage: ${testUsage}`);
  if (!values.events) throw new CliError(`missing --events EVENTS.json\nusage: ${testUsage}`);
  const live = values.live === true;
  const timeScale = timeScaleOf(values['time-scale'], live);
  const api = AdminApi.fromEnv(values.url);

  const flow = await readFlowAndScenario(file, values.events, io, 'nothing was tested');
  if (!flow) return EXIT_PROBLEMS;
  const body = { graph: flow.graph, events: flow.scenario, mode: live ? 'live' : 'simulate', ...(timeScale !== undefined ? { timeScale } : {}) };
  const created = await api.call('POST', '/api/test-runs', body);
  if (created.status === 400 || created.status === 422) {
    printRefusal(io, created, flow.graph);
    return EXIT_PROBLEMS;
  }
  if (created.status !== 201) throw failure(created);

  let run = created.body as TestRunView;
  const sigint = options.interrupt ? undefined : interruptOnSigint();
  try {
    if (run.status === 'running') {
      io.err(`live test run ${run.id} started (${run.timeScale ?? ''} flow seconds per second); Ctrl-C cancels it`);
      run = await follow(api, run, options.interrupt ?? (sigint as { signal: AbortSignal }).signal);
    }
  } finally {
    sigint?.release();
  }
  const end: SimEnd = run.end ?? { atSeconds: run.steps.at(-1)?.atSeconds ?? 0, reason: run.status === 'cancelled' ? 'cancelled' : 'waiting' };
  io.out(values.json ? JSON.stringify(run, null, 2) : formatTimeline({ steps: run.steps, actions: run.actions, end }, flow.graph));
  const interrupted = (options.interrupt ?? sigint?.signal)?.aborted === true;
  return interrupted ? EXIT_INTERRUPTED : 0;
}
