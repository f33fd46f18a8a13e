import type { ReactNode } from 'react';
import { useFlowStats } from './flow-stats-context';
import { StatsPanel } from './StatsPanel';

/** The side panel: the stats while they are open, otherwise its usual content. */
export function StatsPanelSlot({ flowId, children }: { flowId: string; children: ReactNode }) {
  const open = useFlowStats((s) => s.open);
  return open ? <StatsPanel flowId={flowId} /> : children;
}
