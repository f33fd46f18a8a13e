import type { SimAction, SimEnd, SimStep } from '@nudgeflow/shared';
import { outcomeWords } from '../overlay/mark-label';
import { formatOffsetLabel, relabelOffsets } from './offset-label';

/** Names for the timeline: the node's label (or type title) and its outputs' labels. */
export interface NodeNaming {
  name(nodeId: string): string;
  outputLabel(nodeId: string, outputId: string): string | undefined;
}

interface EntryBase {
  key: string;
  atSeconds: number;
  /** "+24 h". */
  at: string;
}

export type TimelineEntry =
  | (EntryBase & { kind: 'step'; nodeId: string; nodeName: string; text: string })
  | (EntryBase & { kind: 'action'; nodeId: string; nodeName: string; title: string; action: SimAction })
  | (EntryBase & { kind: 'end'; text: string });

/** A run's steps, actions and (once it ended) end: a simulation, or a live run so far. */
export interface RunRecord {
  steps: readonly SimStep[];
  actions: readonly SimAction[];
  end?: SimEnd;
}

/** What a message or other effect was, in one line: "SMS to +420777123456". */
export function actionTitle(action: SimAction, nodeName: string): string {
  const to = action.to ? ` to ${action.to}` : '';
  if (action.channel === undefined) return action.body ? `${nodeName}: ${action.body}` : nodeName;
  switch (action.channel) {
    case 'email':
      return `Email${to}`;
    case 'sms':
      return `SMS${to}`;
    case 'webhook':
      return `Webhook ${action.to ?? ''}`.trim();
    case 'internal':
      return `Staff alert${to}`;
    default: {
      const unknown: never = action.channel;
      return String(unknown);
    }
  }
}

export function endText(end: SimEnd): string {
  const detail = end.detail ? ` (${end.detail})` : '';
  switch (end.reason) {
    case 'completed':
      return `Done: the path ran out of connections${detail}`;
    case 'exited':
      return `Left the flow at an exit${detail}`;
    case 'goal':
      return `Reached the goal: the flow's exit event happened${detail}`;
    case 'failed':
      return `Failed${detail}`;
    case 'cancelled':
      return `Cancelled${detail}`;
    case 'waiting':
      return `Still waiting when the scenario ends${detail}`;
    case 'notStarted':
      return `The flow did not start${detail}`;
    default: {
      const unknown: never = end.reason;
      return String(unknown);
    }
  }
}

function stepText(naming: NodeNaming, step: SimStep): string {
  const detail = step.detail ? relabelOffsets(step.detail) : undefined;
  if (step.outcome === 'waiting') return `waiting${detail ? ` ${detail}` : ''}`;
  return `${outcomeWords(step.outcome, naming.outputLabel(step.nodeId, step.outcome))}${detail ? ` (${detail})` : ''}`;
}

/**
 * The run top to bottom. A step that carried out an effect is shown as that effect (the message
 * with its content); an action no step matches (a live message still on its way) gets its own
 * entry at its time. The end comes last.
 */
export function timelineEntries(run: RunRecord, naming: NodeNaming): TimelineEntry[] {
  const unused = new Set(run.actions.map((_, i) => i));
  const entries: TimelineEntry[] = run.steps.map((step, i) => {
    const base = { key: `step-${i}`, atSeconds: step.atSeconds, at: formatOffsetLabel(step.atSeconds), nodeId: step.nodeId, nodeName: naming.name(step.nodeId) };
    const match = step.outcome === 'waiting' ? undefined : [...unused].find((a) => run.actions[a]?.nodeId === step.nodeId && run.actions[a]?.atSeconds === step.atSeconds);
    const action = match !== undefined ? run.actions[match] : undefined;
    if (match === undefined || !action) return { ...base, kind: 'step', text: stepText(naming, step) };
    unused.delete(match);
    return { ...base, kind: 'action', title: actionTitle(action, base.nodeName), action };
  });
  for (const i of unused) {
    const action = run.actions[i] as SimAction;
    const nodeName = naming.name(action.nodeId);
    entries.push({ kind: 'action', key: `action-${i}`, atSeconds: action.atSeconds, at: formatOffsetLabel(action.atSeconds), nodeId: action.nodeId, nodeName, title: actionTitle(action, nodeName), action });
  }
  // Stable: entries at the same time keep the run's order.
  entries.sort((a, b) => a.atSeconds - b.atSeconds);
  if (run.end) entries.push({ kind: 'end', key: 'end', atSeconds: run.end.atSeconds, at: formatOffsetLabel(run.end.atSeconds), text: endText(run.end) });
  return entries;
}
