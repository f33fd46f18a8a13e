import type { RunState, Step } from '@nudgeflow/shared/interpreter';
import type { FlowRunProgress, RecordProgressInput, RunRef } from './contract';

/** Steps the progress query keeps; the full log is in Postgres. */
export const RECENT_STEPS = 200;

/** The node a run is at: where it waits or works, or where it ended. */
export function currentNode(state: RunState): string | undefined {
  return state.pending?.nodeId ?? state.end?.nodeId;
}

/** Counts steps, keeps the recent ones, and says when the database needs to hear about it. */
export class ProgressLog {
  private recent: Step[];
  private count: number;
  private lastStatus: RunState['status'] | undefined;
  private lastNode: string | undefined;

  constructor(stepCount = 0, recentSteps: Step[] = [], recorded?: RunState) {
    this.count = stepCount;
    this.recent = recentSteps.slice(-RECENT_STEPS);
    this.lastStatus = recorded?.status;
    this.lastNode = recorded && currentNode(recorded);
  }

  get stepCount(): number {
    return this.count;
  }

  get recentSteps(): Step[] {
    return this.recent;
  }

  /**
   * Adds an advance's steps; returns what to record, or undefined when nothing changed (an event
   * kept in the inbox, a stale timer).
   */
  add(run: RunRef, state: RunState, steps: Step[], at: Date): RecordProgressInput | undefined {
    const nodeId = currentNode(state);
    if (steps.length === 0 && state.status === this.lastStatus && nodeId === this.lastNode) return undefined;
    const fromSeq = this.count;
    this.count += steps.length;
    this.recent = [...this.recent, ...steps].slice(-RECENT_STEPS);
    this.lastStatus = state.status;
    this.lastNode = nodeId;
    return {
      run,
      fromSeq,
      steps,
      status: state.status,
      ...(nodeId !== undefined ? { nodeId } : {}),
      ...(state.end ? { end: state.end } : {}),
      at: at.toISOString(),
    };
  }

  snapshot(state: RunState): FlowRunProgress {
    const nodeId = currentNode(state);
    return {
      status: state.status,
      ...(nodeId !== undefined ? { nodeId } : {}),
      ...(state.end ? { end: state.end } : {}),
      steps: this.recent,
      stepCount: this.count,
    };
  }
}
