import { errorText, type ReadyNode } from './compile-flow';
import { startEffect } from './effect-node';
import { firstOutput, followOutput } from './follow-edge';
import { branchRandom } from './random';
import { askLookup } from './lookup-node';
import { addStep, failAt, finish, type Turn } from './turn';
import { enterWait } from './wait-node';

/** Validation rejects cycles without a wait; this catches one that slipped through anyway. */
export const MAX_ENTRIES_PER_ADVANCE = 1000;

/** Counts the visit and finds the node; undefined (and the run ended) when it cannot run. */
function arrive(turn: Turn, nodeId: string): { node: ReadyNode; visit: number } | undefined {
  turn.entries += 1;
  if (turn.entries > MAX_ENTRIES_PER_ADVANCE) {
    finish(turn, 'failed', nodeId, `loop without a wait at node ${nodeId}`);
    return undefined;
  }
  const compiled = turn.flow.nodes.get(nodeId);
  if (!compiled) {
    finish(turn, 'failed', nodeId, `the flow leads to node "${nodeId}", which does not exist`);
    return undefined;
  }
  const visit = (turn.state.visits[nodeId] ?? 0) + 1;
  turn.state.visits[nodeId] = visit; // the turn's own copy
  if (!compiled.ok) {
    failAt(turn, compiled, visit, compiled.problem);
    return undefined;
  }
  return { node: compiled, visit };
}

function act(turn: Turn, node: ReadyNode, visit: number): string | undefined {
  const { behavior } = node.def;
  const { ctx } = turn.state;
  const id = node.node.id;
  switch (behavior.kind) {
    case 'eventTrigger':
    case 'scheduleTrigger':
      failAt(turn, node, visit, `the flow leads back into its trigger "${id}"; a trigger can only start a run`);
      return undefined;
    case 'branch': {
      const output = behavior.choose(node.config, ctx, branchRandom(ctx.runId, id, visit));
      addStep(turn, node, visit, output);
      return followOutput(turn, node, visit, output);
    }
    case 'lookup':
      return askLookup(turn, node, visit, behavior.query(node.config, ctx));
    case 'wait':
      return enterWait(turn, node, visit, behavior.plan(node.config, ctx, turn.now, turn.flow.settings));
    case 'effect':
      return startEffect(turn, node, visit);
    case 'exit': {
      const reason = behavior.reason(node.config);
      addStep(turn, node, visit, 'exited', reason);
      finish(turn, 'exited', id, reason);
      return undefined;
    }
    default: {
      const unknown: never = behavior;
      failAt(turn, node, visit, `node "${id}" has an unknown behavior "${(unknown as { kind: string }).kind}"`);
      return undefined;
    }
  }
}

/**
 * Runs a node callback; a node type that throws (a plugin bug, a date it cannot read) fails
 * the run with its name instead of crashing the workflow.
 */
export function guarded(turn: Turn, node: ReadyNode, visit: number, run: () => string | undefined): string | undefined {
  try {
    return run();
  } catch (error) {
    failAt(turn, node, visit, `node "${node.node.id}" (${node.node.type}) stopped with an error: ${errorText(error)}`);
    return undefined;
  }
}

/** Enters nodes one after another until the run pends or ends. */
export function runFrom(turn: Turn, nodeId: string | undefined): void {
  let next = nodeId;
  while (next !== undefined) {
    const arrived = arrive(turn, next);
    if (!arrived) return;
    const { node, visit } = arrived;
    next = guarded(turn, node, visit, () => act(turn, node, visit));
  }
}

/** The start of every run: the trigger records "started" and hands over to its first output. */
export function runFromTrigger(turn: Turn, triggerId: string): void {
  const arrived = arrive(turn, triggerId);
  if (!arrived) return;
  const { node, visit } = arrived;
  addStep(turn, node, visit, 'started', turn.state.ctx.trigger?.type);
  runFrom(turn, followOutput(turn, node, visit, firstOutput(node)));
}
