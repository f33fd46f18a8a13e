import type { NodeOutput } from '@nudgeflow/shared';
import { useOptionalTestSession } from '../session/test-session-context';
import { markLabel, outcomeWords } from './mark-label';

export type NodeTestState = 'reached' | 'current' | 'unreached';
export type EdgeTestState = 'taken' | 'untaken';

/** How the shown test treats this node; undefined while no test is shown. */
export function useNodeTestState(nodeId: string): NodeTestState | undefined {
  return useOptionalTestSession((s) => (s.overlay ? (s.overlay.nodes[nodeId]?.state ?? 'unreached') : undefined));
}

export function useEdgeTestState(edgeId: string): EdgeTestState | undefined {
  return useOptionalTestSession((s) => (s.overlay ? (s.overlay.edges.has(edgeId) ? 'taken' : 'untaken') : undefined));
}

/** The node's class for its test state: reached, current (pulses) or unreached (dimmed). */
export function testNodeClass(state: NodeTestState | undefined): string {
  return state ? `nf-node--test-${state}` : '';
}

export function testEdgeClass(state: EdgeTestState | undefined): string {
  return state ? `nf-edge__path--test-${state}` : '';
}

/** The label above a reached node: "+24 h · sent". Outputs name the outcome ("timed out"). */
export function TestNodeMark({ nodeId, outputs }: { nodeId: string; outputs: readonly NodeOutput[] }) {
  const mark = useOptionalTestSession((s) => s.overlay?.nodes[nodeId]);
  if (!mark) return null;
  const outcome = outcomeWords(mark.outcome, outputs.find((o) => o.id === mark.outcome)?.label);
  return (
    <span className="nf-canvas-pill nf-test-mark" data-test-state={mark.state}>
      {mark.state === 'current' ? <span className="nf-visually-hidden">Now here: </span> : null}
      {markLabel(mark, outcome)}
    </span>
  );
}
