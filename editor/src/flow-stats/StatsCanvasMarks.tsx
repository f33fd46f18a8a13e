import { useOptionalTestSession } from '../test-panel/session/test-session-context';
import { useOptionalFlowStats } from './flow-stats-context';
import { shownStats } from './flow-stats-store';
import { edgeCountText, nodeBadgeText, nodeChannel } from './format-stats';
import './flow-stats.css';

/*
 * What the canvas shows while the Stats panel is open. The test panel's marks and these never
 * show together: the panels close each other, and each mark steps aside while a test is open.
 */

/** The badge above a node with numbers in the period: "1,204 reached · 38 % opened · 6 % clicked". */
export function StatsNodeBadge({ nodeId, type }: { nodeId: string; type: string }) {
  const node = useOptionalFlowStats((s) => shownStats(s)?.byNode.get(nodeId));
  const testing = useOptionalTestSession((s) => s.open);
  if (!node || testing) return null;
  return <span className="nf-canvas-pill nf-stats-badge">{nodeBadgeText(node, nodeChannel(type))}</span>;
}

/** The runs that left `source` through `output` in the period, as text; undefined while no stats are shown. */
export function useEdgeStatsCount(source: string, output: string | null | undefined): string | undefined {
  const count = useOptionalFlowStats((s) => edgeCountText(shownStats(s)?.byNode.get(source), output));
  const testing = useOptionalTestSession((s) => s.open);
  return testing ? undefined : count;
}

/** The count in a connection's label, beside its output's name ("Yes 812"). */
export function EdgeStatsCount({ edgeId, count }: { edgeId: string; count: string }) {
  // The label is drawn apart from its edge (xyflow's label layer): the attribute says whose it is.
  return (
    <span className="nf-stats-edge-count" data-count-of-edge={edgeId} title="Runs that took this connection in the period">
      {count}
    </span>
  );
}
