import { useFlowStore } from '../store/flow-store';
import { FlowSettings } from './FlowSettings';
import { NodeSettings } from './NodeSettings';
import { SelectionSummary } from './SelectionSummary';
import './inspector.css';

/** The side panel: the selected node's settings, the flow's settings when nothing is selected, or a multi-selection. */
export function Inspector() {
  const selection = useFlowStore((s) => s.selection);
  const [only] = selection.nodeIds;
  if (selection.nodeIds.length === 0 && selection.edgeIds.length === 0) return <FlowSettings />;
  // Keyed by node: a new selection starts with fresh drafts, never another node's half-typed text.
  if (selection.nodeIds.length === 1 && selection.edgeIds.length === 0 && only !== undefined) return <NodeSettings key={only} nodeId={only} />;
  return <SelectionSummary selection={selection} />;
}
