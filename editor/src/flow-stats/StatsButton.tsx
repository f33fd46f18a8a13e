import { ChartColumn } from 'lucide-react';
import { useTestSessionApi } from '../test-panel/session/test-session-context';
import { useFlowStats, useFlowStatsApi } from './flow-stats-context';

const NEVER_PUBLISHED = 'Stats appear once the flow is published: they count what real contacts did in it';

/** The toolbar's "Stats" toggle: the published flow's numbers beside and on the canvas, in place of the test panel. */
export function StatsButton({ published }: { published: boolean }) {
  const stats = useFlowStatsApi();
  const testSession = useTestSessionApi();
  const open = useFlowStats((s) => s.open);
  const toggle = () => {
    if (open) return stats.getState().closePanel();
    testSession.getState().closePanel();
    stats.getState().openPanel();
  };
  // The title sits on a wrapper: a disabled button shows no tooltip of its own.
  return (
    <span className="nf-stats-toggle" title={published ? 'How the published flow performs, on the canvas' : NEVER_PUBLISHED}>
      <button
        type="button"
        className={open ? 'nf-button nf-button--ghost nf-button--pressed' : 'nf-button nf-button--ghost'}
        aria-pressed={open}
        disabled={!published}
        aria-description={published ? undefined : NEVER_PUBLISHED}
        onClick={toggle}
      >
        <ChartColumn aria-hidden />
        Stats
      </button>
    </span>
  );
}
