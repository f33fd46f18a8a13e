import { useReactFlow } from '@xyflow/react';
import { nodeById } from '../canvas/graph-index';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store';
import type { MessageRow } from './stats-summary';

export interface StatsMessageTableProps {
  rows: readonly MessageRow[];
  /** The node's name as the canvas shows it. */
  nameOf(nodeId: string): string;
}

/** One row per node that sent messages; a click on a row selects its node and brings it into view. */
export function StatsMessageTable({ rows, nameOf }: StatsMessageTableProps) {
  const store = useFlowStoreApi();
  const graph = useFlowStore((s) => s.graph);
  const { fitView } = useReactFlow();

  const show = (nodeId: string) => {
    store.getState().select({ nodeIds: [nodeId], edgeIds: [] });
    void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.25, padding: 0.4 });
  };

  return (
    <table className="nf-table nf-stats-table" aria-label="Messages by node">
      <thead>
        <tr>
          <th scope="col">Node</th>
          <th scope="col">Channel</th>
          <th scope="col" className="nf-numeric">Sent</th>
          <th scope="col" className="nf-numeric">Delivered</th>
          <th scope="col" className="nf-numeric">Opened</th>
          <th scope="col" className="nf-numeric">Clicked</th>
          <th scope="col" className="nf-numeric" title="Failed (bounces included) / skipped (no consent, suppressed, no address, frequency cap)">
            Failed / skipped
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          // A node published once and deleted from the draft since: its numbers stay, it has nowhere to go.
          const present = nodeById(graph, row.nodeId) !== undefined;
          return (
            <tr key={row.nodeId} className={present ? 'nf-stats-table__row--link' : undefined} onClick={present ? () => show(row.nodeId) : undefined}>
              <th scope="row">
                {present ? (
                  <button
                    type="button"
                    className="nf-stats-table__node"
                    onClick={(event) => {
                      // The row's own click does it; the button is there for the keyboard.
                      event.stopPropagation();
                      show(row.nodeId);
                    }}
                  >
                    {nameOf(row.nodeId)}
                  </button>
                ) : (
                  <span className="nf-muted">Removed node ({row.nodeId})</span>
                )}
              </th>
              <td>{row.channel}</td>
              <td className="nf-numeric">{row.sent}</td>
              <td className="nf-numeric">{row.delivered}</td>
              <td className="nf-numeric">{row.opened}</td>
              <td className="nf-numeric">{row.clicked}</td>
              <td className="nf-numeric">{row.failedSkipped}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
