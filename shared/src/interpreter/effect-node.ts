import type { ReadyNode } from './compile-flow';
import { applyPatch } from './context';
import { firstOutput, followOutput } from './follow-edge';
import { capQuery, capVerdict } from './frequency-cap';
import { messageWindow, sendWindowDelay } from './send-window';
import { addStep, nextCommandId, pend, type Turn } from './turn';
import type { CapAnswer, EffectResult } from './types';

/**
 * Runs an effect node. Messages first wait for their send window (messageWindow: the node's own,
 * or the flow's for marketing ones), then marketing messages ask about the frequency cap; a timer
 * after either delay comes back here and checks both again, because a message held by the cap
 * may land outside the window.
 * Replay: a node without a window of its own takes exactly the path it took before nodes could
 * have one, so recorded histories produce the same commands and need no patched().
 */
export function startEffect(turn: Turn, node: ReadyNode, visit: number): string | undefined {
  const { message } = node;
  if (message) {
    const opening = sendWindowDelay(messageWindow(turn.flow.settings, message), turn.flow.settings, turn.state.ctx.contact, turn.now);
    if (opening) {
      const until = opening.toISOString();
      addStep(turn, node, visit, 'delayed', 'send window');
      pend(turn, { kind: 'sleep', until, nodeId: node.node.id, visit, purpose: 'window' }, { kind: 'sleep', until });
      return undefined;
    }
  }
  if (message?.marketing) {
    const cap = turn.flow.settings.frequencyCap;
    if (cap) {
      const id = nextCommandId(turn, node.node.id, visit);
      pend(
        turn,
        { kind: 'lookup', commandId: id, nodeId: node.node.id, visit, purpose: 'cap' },
        { kind: 'lookup', id, nodeId: node.node.id, visit, query: capQuery(cap) },
      );
      return undefined;
    }
  }
  emitEffect(turn, node, visit);
  return undefined;
}

function emitEffect(turn: Turn, node: ReadyNode, visit: number): void {
  const id = nextCommandId(turn, node.node.id, visit);
  const { ctx } = turn.state;
  const cap = node.message?.marketing ? turn.flow.settings.frequencyCap : undefined;
  pend(
    turn,
    { kind: 'effect', commandId: id, nodeId: node.node.id, visit },
    {
      kind: 'effect',
      id,
      nodeId: node.node.id,
      visit,
      type: node.node.type,
      config: node.config,
      configVersion: node.def.version,
      at: turn.now.toISOString(),
      // Same run, node and visit: the same effect, so a retried activity does not send twice.
      idempotencyKey: `${ctx.runId}:${node.node.id}:${visit}`,
      ...(node.message ? { message: node.message } : {}),
      // Checked again where the message is recorded (two flows may pass the lookup together).
      // Only the activity's input changes, not the command sequence: replay-safe.
      ...(cap ? { cap: { max: cap.max, perSeconds: cap.perSeconds } } : {}),
      context: ctx,
    },
  );
}

/** The step detail of a message the frequency cap skipped (the worker records it as a skipped message). */
export const CAP_SKIP_DETAIL = 'frequency cap';

export function onCapAnswer(turn: Turn, node: ReadyNode, visit: number, answer: CapAnswer): string | undefined {
  const cap = turn.flow.settings.frequencyCap;
  const verdict = cap ? capVerdict(cap, answer.sentAt, turn.now) : ({ kind: 'send' } as const);
  switch (verdict.kind) {
    case 'send':
      emitEffect(turn, node, visit);
      return undefined;
    case 'skip':
      addStep(turn, node, visit, 'skipped', CAP_SKIP_DETAIL);
      return followOutput(turn, node, visit, firstOutput(node));
    case 'delay': {
      const until = verdict.until.toISOString();
      addStep(turn, node, visit, 'delayed', 'frequency cap');
      pend(turn, { kind: 'sleep', until, nodeId: node.node.id, visit, purpose: 'cap' }, { kind: 'sleep', until });
      return undefined;
    }
    default: {
      const unknown: never = verdict;
      throw new Error(`unknown cap verdict ${JSON.stringify(unknown)}`);
    }
  }
}

export function onEffectResult(turn: Turn, node: ReadyNode, visit: number, result: EffectResult): string | undefined {
  turn.state = { ...turn.state, ctx: applyPatch(turn.state.ctx, result.patch) };
  addStep(turn, node, visit, result.status, result.reason);
  return followOutput(turn, node, visit, result.output ?? firstOutput(node));
}
