import { useState } from 'react';
import { useFlowStore } from '../../store/flow-store';

/**
 * The flow's name, edited in place. A flow needs a name, so while the box is empty the graph
 * keeps the last one, and leaving the box empty puts it back.
 */
export function FlowNameInput() {
  const name = useFlowStore((s) => s.graph.name);
  const renameFlow = useFlowStore((s) => s.renameFlow);
  const [draft, setDraft] = useState<string>();
  return (
    <input
      className="nf-input nf-flow-name"
      aria-label="Flow name"
      title={name}
      size={Math.min(Math.max((draft ?? name).length, 16), 48)}
      maxLength={200}
      value={draft ?? name}
      onChange={(event) => {
        const value = event.target.value;
        setDraft(value);
        if (value.trim()) renameFlow(value);
      }}
      onBlur={() => setDraft(undefined)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
    />
  );
}
