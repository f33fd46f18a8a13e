import { formatOffset, mjmlToText, type EffectResult, type SimAction, type SimEnd, type SimStep, type Step } from '@nudgeflow/shared';
import type { RunWithSteps } from '../db/runs';
import type { RunEffect, RunMessage } from '../db/test-runs';

/** What a live run has recorded so far, in the database. */
export interface LiveRecords {
  run: RunWithSteps;
  effects: RunEffect[];
  messages: RunMessage[];
}

/** A live run's steps, messages and end on the scenario's clock: the simulator's JSON shape. */
export interface LiveResult {
  steps: SimStep[];
  actions: SimAction[];
  /** Absent while the run goes on. */
  end?: SimEnd;
  /** Where the run is now, while it goes on. */
  currentNodeId?: string;
}

const isoInText = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;
const VISIT = /:(\d+)$/;

/** Seconds on the scenario's clock, to the millisecond. */
function clockOf(scenarioNow: string): (iso: string) => number {
  const origin = Date.parse(scenarioNow);
  return (iso) => (Date.parse(iso) - origin) / 1000;
}

/** Why an action was taken, with the node's step: when it happened, and the node type. */
function stepOfEffect(steps: Step[], nodeId: string, key: string): Step | undefined {
  const visit = Number(VISIT.exec(key)?.[1]);
  const ofNode = steps.filter((s) => s.nodeId === nodeId && s.outcome !== 'waiting');
  return ofNode.filter((s) => s.visit === visit).at(-1) ?? ofNode.at(-1);
}

/** What an effect without a message did, as the simulator words it: the code handed out, the tags now set. */
function effectBody(type: string, result: EffectResult): string | undefined {
  const { patch } = result;
  if (type === 'action.assignCode') return Object.values(patch?.codes ?? {})[0];
  if (type === 'action.tag') return patch?.contact?.tags?.join(', ');
  if (type === 'action.updateContact' && patch?.contact)
    return Object.entries(patch.contact)
      .map(([key, value]) => `${key}=${value === null || value === undefined ? '(cleared)' : typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      .join(', ');
  return undefined;
}

/** Email bodies are stored as the personalized MJML; the simulator shows their text. */
function messageBody(message: RunMessage): string | undefined {
  if (message.body === undefined) return undefined;
  return message.channel === 'email' && message.body.trimStart().startsWith('<mjml') ? mjmlToText(message.body) : message.body;
}

function messageAction(message: RunMessage, at: number, nodeId: string, type: string): SimAction {
  const body = messageBody(message);
  return {
    atSeconds: at,
    nodeId,
    type,
    channel: message.channel,
    ...(message.to !== undefined ? { to: message.to } : {}),
    ...(message.subject !== undefined ? { subject: message.subject } : {}),
    ...(body !== undefined ? { body } : {}),
    status: message.status,
    ...(message.reason !== undefined ? { reason: message.reason } : {}),
  };
}

function actionsOf(records: LiveRecords, seconds: (iso: string) => number): SimAction[] {
  const { steps } = records.run;
  const messages = new Map(records.messages.map((m) => [m.key, m]));
  const actions: SimAction[] = [];
  for (const effect of records.effects) {
    const step = stepOfEffect(steps, effect.nodeId, effect.key);
    const at = step ? seconds(step.at) : 0;
    const message = messages.get(effect.key);
    messages.delete(effect.key);
    if (message) {
      actions.push(messageAction(message, at, effect.nodeId, effect.type));
      continue;
    }
    const { result } = effect;
    const body = effectBody(effect.type, result);
    actions.push({
      atSeconds: at,
      nodeId: effect.nodeId,
      type: effect.type,
      ...(body !== undefined ? { body } : {}),
      status: result.status,
      ...(result.reason !== undefined ? { reason: result.reason } : {}),
    });
  }
  // Messages whose effect has not finished yet (queued, or its activity is retrying): the run is there now.
  const latest = steps.at(-1);
  for (const message of messages.values()) {
    const nodeId = message.nodeId ?? '';
    const step = steps.filter((s) => s.nodeId === nodeId).at(-1);
    actions.push(messageAction(message, latest ? seconds(latest.at) : 0, nodeId, step?.type ?? ''));
  }
  return actions.sort((a, b) => a.atSeconds - b.atSeconds);
}

/**
 * A live run's record in the simulator's shape, on the scenario's clock (the run's flow clock
 * starts at the scenario's `now` plus the trigger's time): steps and their details with offsets
 * instead of instants, the run's messages and other effects as actions, and its end. `stoppedAt`
 * is an end the test run recorded itself (the scenario's horizon): what came after it (the
 * cancel that stopped the run) is left out.
 */
export function liveResult(records: LiveRecords, scenarioNow: string, stoppedAt?: SimEnd): LiveResult {
  const seconds = clockOf(scenarioNow);
  const { run } = records;
  const steps: SimStep[] = run.steps
    .map((s) => {
      const detail = s.detail?.replace(isoInText, (iso) => formatOffset(Math.round(seconds(iso))));
      return { atSeconds: seconds(s.at), nodeId: s.nodeId, type: s.type, outcome: s.outcome, ...(detail !== undefined ? { detail } : {}) };
    })
    .filter((s) => !stoppedAt || s.atSeconds <= stoppedAt.atSeconds);
  const actions = actionsOf(records, seconds).filter((a) => !stoppedAt || a.atSeconds <= stoppedAt.atSeconds);
  if (stoppedAt) return { steps, actions, end: stoppedAt };
  if (run.status !== 'done') return { steps, actions, ...(run.nodeId !== undefined ? { currentNodeId: run.nodeId } : {}) };
  const end: SimEnd = {
    atSeconds: run.endedAt !== undefined ? seconds(run.endedAt) : (steps.at(-1)?.atSeconds ?? 0),
    reason: run.endReason ?? 'completed',
    ...(run.nodeId !== undefined ? { nodeId: run.nodeId } : {}),
    ...(run.endDetail !== undefined ? { detail: run.endDetail } : {}),
  };
  return { steps, actions, end };
}
