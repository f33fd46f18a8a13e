import { RefreshCw } from 'lucide-react';
import { useId, useMemo } from 'react';
import { SidePanel } from '../app/SidePanel';
import { LoadError, Loading } from '../app/Status';
import { nodeById } from '../canvas/graph-index';
import { useFlowStore } from '../store/flow-store';
import { useNodeNaming } from '../test-panel/panel/use-node-naming';
import { useFlowStats, useFlowStatsApi } from './flow-stats-context';
import { shownStats, type ShownStats } from './flow-stats-store';
import { nodeChannel } from './format-stats';
import { statsPeriods, type StatsDays } from './stats-api';
import { isEmptyPeriod, messageRows, summaryItems, type ChannelOf } from './stats-summary';
import { StatsMessageTable } from './StatsMessageTable';
import { StatsSummary } from './StatsSummary';
import { useFlowStatsLoader } from './use-flow-stats-loader';
import './flow-stats.css';

/** "12 Mar 2026, 14:05": where the period starts. */
function periodStart(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function StatsContent({ shown }: { shown: ShownStats }) {
  const graph = useFlowStore((s) => s.graph);
  const naming = useNodeNaming(graph);
  const { stats } = shown;
  const channelOf = useMemo<ChannelOf>(() => (id) => nodeChannel(nodeById(graph, id)?.type), [graph]);
  const summary = useMemo(() => summaryItems(stats, channelOf), [stats, channelOf]);
  const rows = useMemo(() => messageRows(stats, channelOf), [stats, channelOf]);

  if (isEmptyPeriod(stats)) {
    return (
      <div className="nf-stats-empty">
        <p className="nf-stats-empty__title">No runs in this period yet</p>
        <p className="nf-muted">The flow is live; its numbers show here once contacts go through it. Test runs never count.</p>
      </div>
    );
  }
  return (
    <>
      <p className="nf-stats-panel__period nf-muted">Runs started since {periodStart(stats.from)}, messages and orders since then. Test runs never count.</p>
      <StatsSummary items={summary} />
      <div className="nf-side-section">
        <h3>Messages</h3>
        {rows.length > 0 ? <StatsMessageTable rows={rows} nameOf={naming.name} /> : <p className="nf-muted">No messages in this period.</p>}
      </div>
    </>
  );
}

/**
 * The "Flow stats" side panel: how the published flow did with real contacts over a period,
 * from GET /api/flows/{id}/stats. The same numbers label the nodes and connections on the canvas.
 */
export function StatsPanel({ flowId }: { flowId: string }) {
  useFlowStatsLoader(flowId);
  const store = useFlowStatsApi();
  const days = useFlowStats((s) => s.days);
  const view = useFlowStats((s) => s.view);
  const shown = useFlowStats(shownStats);
  const periodId = useId();
  const loading = view.kind === 'loading';

  return (
    <SidePanel title="Flow stats" closeLabel="Close the stats panel" onClose={() => store.getState().closePanel()} className="nf-stats-panel" busy={loading}>
      <div className="nf-stats-panel__controls">
        <div className="nf-field">
          <label className="nf-label" htmlFor={periodId}>
            Period
          </label>
          <select id={periodId} className="nf-select" value={days} onChange={(e) => store.getState().choosePeriod(Number(e.target.value) as StatsDays)}>
            {statsPeriods.map((p) => (
              <option key={p.days} value={p.days}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="nf-button" disabled={loading} onClick={() => store.getState().refresh()}>
          <RefreshCw aria-hidden className={loading ? 'nf-spin' : undefined} />
          Refresh
        </button>
      </div>
      {view.kind === 'failed' ? <LoadError title="The stats could not be loaded" message={view.message} onRetry={() => store.getState().refresh()} /> : null}
      {shown ? <StatsContent shown={shown} /> : loading ? <Loading label="Loading the stats…" /> : null}
    </SidePanel>
  );
}
