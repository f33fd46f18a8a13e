import { Trash2 } from 'lucide-react';
import type { Selection } from '../store/types';
import { useFlowStoreApi } from '../store/flow-store';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Several things selected: how many, and deleting them together. */
export function SelectionSummary({ selection }: { selection: Selection }) {
  const store = useFlowStoreApi();
  const nodes = selection.nodeIds.length;
  const edges = selection.edgeIds.length;
  const parts = [nodes ? count(nodes, 'node', 'nodes') : '', edges ? count(edges, 'connection', 'connections') : ''].filter(Boolean);
  return (
    <section className="nf-inspector" aria-label="Selection">
      <header className="nf-inspector__header">
        <h2>{parts.join(' and ')} selected</h2>
        <p className="nf-hint">Drag them together, copy them, or delete them.</p>
      </header>
      <div className="nf-inspector__form">
        <button type="button" className="nf-button nf-button--danger" onClick={() => store.getState().deleteSelection()}>
          <Trash2 aria-hidden />
          Delete
        </button>
      </div>
    </section>
  );
}
