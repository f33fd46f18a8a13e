import type { FlowGraph } from '../graph/schema';
import { advanceRun } from '../interpreter/advance-run';
import type { FlowRef } from '../interpreter/compile-flow';
import { startRun } from '../interpreter/start-run';
import type { Advance, Command, Input, Pending, RunState } from '../interpreter/types';
import { builtinRegistry } from '../nodes/index';
import type { NodeRegistry } from '../nodes/registry';
import { formatOffset } from '../time/duration';
import { answerLookup } from './answer-lookup';
import { executeEffect } from './execute-effect';
import { findStart } from './find-start';
import { scenarioSchema, type ScenarioInput } from './scenario';
import { scriptEvents, SimClock, SimWorld, type TimedEvent } from './sim-world';
import type { SimAction, SimEnd, SimStep, SimulationResult } from './types';

export interface SimulateOptions {
  registry?: NodeRegistry;
  flowId?: string;
  /** Changes the run id, and with it which branch a random split takes. */
  seed?: string;
}

/** A runaway flow stops here instead of hanging the editor or the CLI. */
export const SIMULATION_INPUT_LIMIT = 10_000;

const isoInText = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

interface Sim {
  ref: FlowRef;
  clock: SimClock;
  world: SimWorld;
  script: TimedEvent[];
  horizon: number;
  steps: SimStep[];
  actions: SimAction[];
}

function offsetOf(sim: Sim, iso: string): string {
  return formatOffset(Math.round(sim.clock.seconds(iso)));
}

/** Steps on the virtual clock; instants inside details become offsets ("until +24h"). */
function record(sim: Sim, advance: Advance): void {
  for (const s of advance.steps) {
    const detail = s.detail?.replace(isoInText, (iso) => offsetOf(sim, iso));
    sim.steps.push({ atSeconds: sim.clock.seconds(s.at), nodeId: s.nodeId, type: s.type, outcome: s.outcome, ...(detail !== undefined ? { detail } : {}) });
  }
}

/** Carries out the run's effect and lookup commands at once; their answers are the next input. */
function respond(sim: Sim, commands: Command[], now: number): Input | undefined {
  let input: Input | undefined;
  for (const command of commands) {
    switch (command.kind) {
      case 'effect': {
        const { result, action } = executeEffect(command, sim.world, now, sim.ref.registry.get(command.type)?.title);
        sim.actions.push({ atSeconds: now, nodeId: command.nodeId, type: command.type, ...action });
        input = { kind: 'effectResult', commandId: command.id, result };
        break;
      }
      case 'lookup':
        input = { kind: 'lookupResult', commandId: command.id, answer: answerLookup(command.query, sim.world, now, command.nodeId) };
        break;
      case 'sleep':
      case 'waitForEvent':
      case 'done':
        // Timers come from the run's pending state; the end from its `end`.
        break;
      default: {
        const _exhaustive: never = command;
      }
    }
  }
  return input;
}

function timerOf(sim: Sim, pending: Pending | undefined): number | undefined {
  if (pending?.kind === 'sleep' || pending?.kind === 'event') return sim.clock.seconds(pending.until);
  return undefined;
}

function waitingEnd(sim: Sim, state: RunState): SimEnd {
  const { pending } = state;
  const base = { atSeconds: sim.horizon, reason: 'waiting' as const };
  if (!pending) return base;
  if (pending.kind === 'event') return { ...base, nodeId: pending.nodeId, detail: `for ${pending.match.type} until ${offsetOf(sim, pending.until)}` };
  if (pending.kind === 'sleep') return { ...base, nodeId: pending.nodeId, detail: `until ${offsetOf(sim, pending.until)}` };
  return { ...base, nodeId: pending.nodeId };
}

/**
 * Feeds the run the scripted events and its own timers in time order. At equal times the
 * scripted events go first: an order paid at the very second a reminder is due counts as paid.
 */
function drive(sim: Sim, first: Advance, startAt: number, firstEvent: number): SimEnd {
  let advance = first;
  let now = startAt;
  let next = firstEvent;
  for (let inputs = 0; ; inputs++) {
    record(sim, advance);
    let input = respond(sim, advance.commands, now);
    const { state } = advance;
    if (state.status === 'done') return { atSeconds: now, ...(state.end ?? { reason: 'completed' as const }) };
    if (inputs >= SIMULATION_INPUT_LIMIT) return { atSeconds: now, reason: 'failed', detail: 'simulation limit' };
    if (!input) {
      const timerAt = timerOf(sim, state.pending);
      const event = sim.script[next];
      if (event && event.atSeconds <= sim.horizon && (timerAt === undefined || event.atSeconds <= timerAt)) {
        now = event.atSeconds;
        next += 1;
        input = { kind: 'event', event: sim.world.observe(event) };
      } else if (timerAt !== undefined && timerAt <= sim.horizon) {
        now = Math.max(now, timerAt);
        input = { kind: 'timer' };
      } else return waitingEnd(sim, state);
    }
    advance = advanceRun(sim.ref, state, input, sim.clock.date(now));
  }
}

/** Runs a flow for one scripted contact on a virtual clock; nothing is sent anywhere. */
export function simulate(graph: FlowGraph, scenarioInput: ScenarioInput, options: SimulateOptions = {}): SimulationResult {
  const scenario = scenarioSchema.parse(scenarioInput);
  const clock = new SimClock(scenario.now);
  const script = scriptEvents(scenario, clock);
  const sim: Sim = {
    ref: { graph, registry: options.registry ?? builtinRegistry, flow: { id: options.flowId ?? 'simulation', name: graph.name } },
    clock,
    world: new SimWorld(scenario, clock, script),
    script,
    horizon: scenario.horizonSeconds,
    steps: [],
    actions: [],
  };
  const start = findStart(sim);
  if (start.kind === 'notStarted') return { steps: [], actions: [], end: { atSeconds: sim.horizon, reason: 'notStarted', detail: start.detail } };
  if (start.kind === 'failed') return { steps: [], actions: [], end: { atSeconds: 0, reason: 'failed', nodeId: start.nodeId, detail: start.detail } };
  const first = startRun(sim.ref, {
    runId: `sim-${options.seed ?? 'run'}`,
    contact: sim.world.contact,
    ...(start.trigger ? { trigger: start.trigger } : {}),
    ...(start.order ? { order: start.order } : {}),
    now: clock.date(start.atSeconds),
    test: true,
  });
  const end = drive(sim, first, start.atSeconds, start.next);
  return { steps: sim.steps, actions: sim.actions, end };
}
