import type { ReadyNode } from './compile-flow';
import { applyPatch } from './context';
import { firstOutput, followOutput } from './follow-edge';
import { capQuery, capVerdict } from './frequency-cap';
import { sendWindowDelay } from './send-window';
import { addStep, nextCommandId, pend, type Turn } from './turn';
import type { CapAnswer, EffectResult } from './types';

/**
 * Runs an effect node. Marketing messages first wait for the send window, then ask about the
 * frequency cap; a timer after either delay comes back here and checks both again, because
 * a message held by the cap may land outside the window.
 */
export function startEffect(turn: Turn, node: ReadyNode, visit: number): string | undefined {
  if (node.message?.marketing) {
    const opening = sendWindowDelay(turn.flow.settings, turn.state.ctx.contact, turn.now);
    if (opening) {
      const until = opening.toISOString();
      addStep(turn, node, visit, 'delayed', 'send window');
      pend(turn, { kind: 'sleep', until, nodeId: node.node.id, visit, purpose: 'window' }, { kind: 'sleep', until });
      return undefined;
    }
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
      // Same run, node and visit: the same effect, so a retried activity does not send twice.
      idempotencyKey: `${ctx.runId}:${node.node.id}:${visit}`,
      ...(node.message ? { message: node.message } : {}),
      context: ctx,
    },
  );
}

export function onCapAnswer(turn: Turn, node: ReadyNode, visit: number, answer: CapAnswer): string | undefined {
  const cap = turn.flow.settings.frequencyCap;
  const verdict = cap ? capVerdict(cap, answer.sentAt, turn.now) : ({ kind: 'send' } as const);
  switch (verdict.kind) {
    case 'send':
      emitEffect(turn, node, visit);
      return undefined;
    case 'skip':
      addStep(turn, node, visit, 'skipped', 'frequency cap');
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
