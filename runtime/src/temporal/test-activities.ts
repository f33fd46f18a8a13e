import type { CapAnswer, EffectResult, Step } from '@nudgeflow/shared/interpreter';
import type { FactAnswer } from '@nudgeflow/shared/nodes';
import type { EffectCommand, FlowActivities, RecordProgressInput } from '@nudgeflow/workflows/contract';
import { asyncLocalStorage } from '@temporalio/activity';

/**
 * In-memory activities for the Temporal tests: they record every call, and count effects by
 * idempotency key, the way the real ones deduplicate. The Postgres-backed ones replace them in
 * the runtime.
 */
export class TestActivities {
  /** Every executeEffect call, retries included. */
  readonly effectCalls: EffectCommand[] = [];
  readonly progress: RecordProgressInput[] = [];
  /**
   * The workflow execution (Temporal run id) each progress record came from. A workflow task that
   * is tried again runs its local activities again, with the same execution.
   */
  readonly executionOf = new Map<RecordProgressInput, string>();
  /** Runs before an effect's answer; may throw, wait, or give its own result. */
  onEffect: ((command: EffectCommand) => Promise<EffectResult | undefined>) | undefined;
  answer: () => FactAnswer | CapAnswer = () => ({ matched: false });

  readonly activities: FlowActivities = {
    executeEffect: async ({ command }) => {
      this.effectCalls.push(command);
      const own = await this.onEffect?.(command);
      return own ?? { status: command.message ? 'sent' : 'done', messageId: command.idempotencyKey };
    },
    lookupFacts: async () => this.answer(),
    recordProgress: async (input) => {
      this.progress.push(input);
      const execution = asyncLocalStorage.getStore()?.info.workflowExecution?.runId;
      if (execution) this.executionOf.set(input, execution);
    },
  };

  /** Effect calls per idempotency key, for a run. */
  effectsOf(runId: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const call of this.effectCalls) if (call.context.runId === runId) counts.set(call.idempotencyKey, (counts.get(call.idempotencyKey) ?? 0) + 1);
    return counts;
  }

  /** The run's step log as the database would hold it: by sequence number, each once. */
  stepsOf(runId: string): Step[] {
    const bySeq = new Map<number, Step>();
    for (const record of this.progress) if (record.run.runId === runId) record.steps.forEach((step, i) => bySeq.set(record.fromSeq + i, step));
    const seqs = [...bySeq.keys()].sort((a, b) => a - b);
    if (seqs.some((seq, i) => seq !== i)) throw new Error(`the step log of ${runId} has gaps: ${seqs.join(', ')}`);
    return seqs.map((seq) => bySeq.get(seq) as Step);
  }

  lastRecord(runId: string): RecordProgressInput | undefined {
    return this.progress.filter((r) => r.run.runId === runId).at(-1);
  }
}

/** "nodeId outcome" per step: compact to compare. */
export function outline(steps: Step[]): string[] {
  return steps.map((s) => `${s.nodeId} ${s.outcome}`);
}
