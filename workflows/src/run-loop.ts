import type { FlowEvent } from '@nudgeflow/shared';
import type { Advance, FlowRef, Input, RunState } from '@nudgeflow/shared/interpreter';
import { condition, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { carryOut, effectActivitiesOfRun, recordProgress, type ActivityCommand, type Outcome } from './activities';
import type { FlowRunInput, FlowRunProgress, FlowRunResult } from './contract';
import { EventQueue } from './event-queue';
import { flowRefOf } from './flow-ref';
import { failRun, safeAdvance, safeStart } from './interpret';
import { legacyBehaviourOfRun } from './interpreter-behaviour';
import { currentNode, ProgressLog } from './progress';
import { ScheduledEvents } from './scheduled-events';
import { nodeIdKey, runSearchAttributes } from './search-attributes';
import { FlowClock } from './virtual-clock';
import { workflowNowMs } from './workflow-time';

/** History events after which an idle run continues as new, unless the input says otherwise. */
export const CONTINUE_AS_NEW_AFTER = 2000;

/** A moved run and the flow time it moved at. */
interface Moved {
  advance: Advance;
  now: Date;
}

export type LoopEnd = { kind: 'done'; result: FlowRunResult } | { kind: 'continueAsNew'; input: FlowRunInput };

/**
 * The workflow shell around the interpreter core: it feeds the core inputs (signals, activity
 * answers, timers) one at a time and carries out the commands it returns.
 *
 * Replay safety: the order of activities, timers and search-attribute upserts below is recorded
 * in every running workflow's history. Any change to it (or to the interpreter core, which decides
 * them) must be guarded with `patched('<change-id>')` so histories recorded before still replay;
 * the replay test over tests/replay/histories catches a change that forgets this.
 */
export class RunLoop {
  private readonly ref: FlowRef;
  private readonly clock: FlowClock;
  private readonly queue: EventQueue;
  private readonly log: ProgressLog;
  private readonly first: Moved;
  private state: RunState;
  /** The effect or lookup the core is waiting on, if any. */
  private active: ActivityCommand | undefined;
  /** Its activity's answer, not yet handed to the core. */
  private answer: { command: ActivityCommand; outcome: Outcome } | undefined;
  private cancelRequest: { reason?: string } | undefined;
  private nodeAttribute: string | undefined;
  /** Only live test runs have these; without them the loop records exactly the same commands. */
  private readonly scheduled: ScheduledEvents | undefined;
  /** Decided in the run's first workflow task, before any activity (see EFFECTS_LOCAL_PATCH). */
  private readonly activities = effectActivitiesOfRun();

  constructor(private readonly input: FlowRunInput) {
    const { resume, run, flow } = input;
    const legacy = legacyBehaviourOfRun();
    this.ref = { ...flowRefOf(flow), ...(legacy ? { legacy } : {}) };
    const realNow = workflowNowMs();
    const flowStartMs = input.flowStartAt !== undefined ? Date.parse(input.flowStartAt) : realNow;
    const origin = resume ? { flowStartMs: resume.flowStartMs, realStartMs: resume.realStartMs } : { flowStartMs, realStartMs: realNow };
    this.clock = new FlowClock(origin, input.timeScale ?? 1);
    this.scheduled = input.scheduled?.length ? new ScheduledEvents(input.scheduled, origin.flowStartMs) : undefined;
    this.queue = new EventQueue(resume?.queued, resume?.seenEventIds);
    // signalWithStart delivers the trigger as a signal too; the run already has it.
    if (input.trigger) this.queue.remember(input.trigger.id);
    const now = this.clock.now(realNow);
    if (resume) {
      this.first = { advance: { state: resume.state, commands: [], steps: [] }, now };
      this.log = new ProgressLog(resume.stepCount, resume.recentSteps, resume.state);
    } else {
      const args = { runId: run.runId, contact: input.contact, now, ...(input.trigger ? { trigger: input.trigger } : {}), ...(input.order ? { order: input.order } : {}), ...(run.test ? { test: true } : {}) };
      this.first = { advance: safeStart(this.ref, args), now };
      this.log = new ProgressLog();
    }
    this.state = this.first.advance.state;
    this.nodeAttribute = workflowInfo().typedSearchAttributes.get(nodeIdKey);
    this.upsertRunAttributes();
  }

  receive(event: FlowEvent): void {
    this.queue.push(event);
  }

  requestCancel(reason?: string): void {
    if (this.state.status !== 'done' && !this.cancelRequest) this.cancelRequest = reason !== undefined ? { reason } : {};
  }

  progress(): FlowRunProgress {
    return this.log.snapshot(this.state);
  }

  async run(): Promise<LoopEnd> {
    await this.settle(this.first);
    while (this.state.status !== 'done') {
      const next = await this.next();
      if (next === 'continueAsNew') return { kind: 'continueAsNew', input: this.resumeInput() };
      if (next) await this.settle(next);
    }
    return { kind: 'done', result: this.result() };
  }

  /** The workflow was cancelled through Temporal rather than by signal: end the run the same way. */
  async cancelFromOutside(): Promise<FlowRunResult> {
    if (this.state.status !== 'done') await this.settle(this.feed({ kind: 'cancel', reason: 'the workflow was cancelled' }));
    return this.result();
  }

  /** A bug in this shell: record the run as failed so the database does not show it waiting forever. */
  async recordCrash(error: unknown): Promise<void> {
    if (this.state.status === 'done') return;
    const detail = `internal error in the flow workflow: ${error instanceof Error ? error.message : String(error)}`;
    await this.settle(this.at((now) => failRun(this.ref.graph, this.state, now, detail)));
  }

  private result(): FlowRunResult {
    const end = this.state.end ?? { reason: 'completed' as const };
    return { end, stepCount: this.log.stepCount };
  }

  private at(move: (now: Date) => Advance): Moved {
    const now = this.clock.now(workflowNowMs());
    return { advance: move(now), now };
  }

  private feed(input: Input, now?: Date): Moved {
    return now ? { advance: safeAdvance(this.ref, this.state, input, now), now } : this.at((at) => safeAdvance(this.ref, this.state, input, at));
  }

  /**
   * The next thing that moves the run, in priority order: a cancel, a signalled event, an activity's
   * answer, the pending activity, the wait. Events that came during an activity go in before its
   * answer, so the core keeps them in its inbox for the next wait. Undefined when the loop must
   * come round again (an activity finished, a wait woke up for a signal).
   */
  private async next(): Promise<Moved | 'continueAsNew' | undefined> {
    if (this.cancelRequest) {
      const { reason } = this.cancelRequest;
      this.cancelRequest = undefined;
      return this.feed({ kind: 'cancel', ...(reason !== undefined ? { reason } : {}) });
    }
    if (this.scheduled) for (const due of this.scheduled.due(this.clock.flowMs(workflowNowMs()))) this.queue.push(due);
    const event = this.queue.shift();
    if (event) return this.feed({ kind: 'event', event });
    if (this.answer) {
      const { command, outcome } = this.answer;
      this.answer = undefined;
      if (outcome.kind === 'input') return this.feed(outcome.input);
      return this.at((now) => failRun(this.ref.graph, this.state, now, outcome.detail, { nodeId: command.nodeId, visit: command.visit }));
    }
    const command = this.activeCommand();
    if (command) {
      // Held for one round: events signalled meanwhile reach the core first, as arrivals while busy.
      this.answer = { command, outcome: await carryOut(this.activities, this.input.run, command, this.clock.now(workflowNowMs())) };
      return undefined;
    }
    const { pending } = this.state;
    if (pending?.kind !== 'sleep' && pending?.kind !== 'event') {
      return this.at((now) => failRun(this.ref.graph, this.state, now, 'the run stopped without waiting or ending (internal error)'));
    }
    if (this.shouldContinueAsNew()) return 'continueAsNew';
    const until = Date.parse(pending.until);
    if (Number.isNaN(until)) return this.at((now) => failRun(this.ref.graph, this.state, now, `the run waits until an invalid time "${pending.until}"`));
    // A scheduled event due first (or at the same time: it goes in before the timer, as in the simulator).
    const eventAt = this.scheduled?.nextAtMs();
    if (eventAt !== undefined && eventAt <= until) {
      const untilEvent = this.clock.realDelayMs(eventAt, workflowNowMs());
      if (untilEvent > 0) await condition(() => this.queue.size > 0 || this.cancelRequest !== undefined, untilEvent);
      return undefined;
    }
    const delay = this.clock.realDelayMs(until, workflowNowMs());
    if (delay > 0 && (await condition(() => this.queue.size > 0 || this.cancelRequest !== undefined, delay))) return undefined;
    // The timer fired for `until`; rounding must not make it look early to the core.
    return this.feed({ kind: 'timer' }, new Date(Math.max(this.clock.now(workflowNowMs()).getTime(), until)));
  }

  private activeCommand(): ActivityCommand | undefined {
    const { pending } = this.state;
    const busy = pending?.kind === 'effect' || pending?.kind === 'lookup';
    return busy && this.active?.id === pending.commandId ? this.active : undefined;
  }

  private async settle({ advance, now }: Moved): Promise<void> {
    this.state = advance.state;
    for (const command of advance.commands) if (command.kind === 'effect' || command.kind === 'lookup') this.active = command;
    this.upsertNode();
    const record = this.log.add(this.input.run, advance.state, advance.steps, now);
    if (record) await recordProgress(record);
  }

  /** Only between waits: nothing in flight, nothing queued, so the new run starts exactly here. */
  private shouldContinueAsNew(): boolean {
    if (this.queue.size > 0 || this.cancelRequest) return false;
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= (this.input.continueAsNewAfter ?? CONTINUE_AS_NEW_AFTER);
  }

  private resumeInput(): FlowRunInput {
    const { queued, seenEventIds } = this.queue.snapshot();
    return {
      ...this.input,
      resume: {
        state: this.state,
        stepCount: this.log.stepCount,
        flowStartMs: this.clock.origin.flowStartMs,
        realStartMs: this.clock.origin.realStartMs,
        queued,
        seenEventIds,
        recentSteps: this.log.recentSteps,
      },
    };
  }

  /** Flow and contact are set by the client at start; a run started some other way gets them here. */
  private upsertRunAttributes(): void {
    const current = workflowInfo().typedSearchAttributes;
    const missing = runSearchAttributes(this.input.run).filter((pair) => current.get(pair.key) !== pair.value);
    if (missing.length > 0) upsertSearchAttributes(missing);
  }

  private upsertNode(): void {
    const nodeId = currentNode(this.state);
    if (nodeId === undefined || nodeId === this.nodeAttribute) return;
    this.nodeAttribute = nodeId;
    upsertSearchAttributes([{ key: nodeIdKey, value: nodeId }]);
  }
}
