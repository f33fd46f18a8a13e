import type { FactQuery } from '../nodes/types';
import type { ReadyNode } from './compile-flow';
import { followOutput } from './follow-edge';
import { addStep, failAt, nextCommandId, pend, type Turn } from './turn';
import type { CapAnswer, Input } from './types';

type LookupAnswer = Extract<Input, { kind: 'lookupResult' }>['answer'];

export function isCapAnswer(answer: LookupAnswer): answer is CapAnswer {
  return Array.isArray((answer as Partial<CapAnswer>).sentAt);
}

/** A condition that needs fresh facts asks for them and pends until the answer comes. */
export function askLookup(turn: Turn, node: ReadyNode, visit: number, query: FactQuery): undefined {
  const commandId = nextCommandId(turn, node.node.id, visit);
  pend(
    turn,
    { kind: 'lookup', commandId, nodeId: node.node.id, visit, purpose: 'condition' },
    { kind: 'lookup', id: commandId, nodeId: node.node.id, visit, query },
  );
  return undefined;
}

export function onLookupAnswer(turn: Turn, node: ReadyNode, visit: number, answer: LookupAnswer): string | undefined {
  const { behavior } = node.def;
  if (behavior.kind !== 'lookup' || isCapAnswer(answer) || typeof answer.matched !== 'boolean') {
    failAt(turn, node, visit, `node "${node.node.id}" got an answer that does not fit its question`);
    return undefined;
  }
  const output = behavior.choose(node.config, answer);
  addStep(turn, node, visit, output, answer.detail);
  return followOutput(turn, node, visit, output);
}
