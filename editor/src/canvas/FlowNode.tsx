import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { useEditorRegistry, useNodeType } from '../app/node-types-context';
import { StatsNodeBadge } from '../flow-stats/StatsCanvasMarks';
import { useNodeDescription } from '../plugin-nodes/descriptions-context';
import { TestNodeMark, testNodeClass, useNodeTestState } from '../test-panel/overlay/canvas-overlay';
import { useFlowStore } from '../store/flow-store';
import type { FlowNodeView } from './flow-elements';
import { nodeById, problemCount } from './graph-index';
import { nodeDisplay } from './node-display';
import { nodeWidth, slotCenter } from './node-geometry';
import { NodeIcon } from './NodeIcon';
import { ProblemBadge } from './ProblemBadge';

/** Where an output's label and handle sit along the bottom edge. */
function slotLeft(index: number, count: number): string {
  return `${slotCenter(index, count) * 100}%`;
}

/**
 * The one node component for every type. It selects only its own node and problem counts, so
 * editing one node's config re-renders that node alone.
 */
function FlowNodeComponent({ id, selected }: NodeProps<FlowNodeView>) {
  const node = useFlowStore((s) => nodeById(s.graph, id));
  const errors = useFlowStore((s) => problemCount(s.problems, id)?.errors ?? 0);
  const warnings = useFlowStore((s) => problemCount(s.problems, id)?.warnings ?? 0);
  const info = useNodeType(node?.type ?? '');
  const registry = useEditorRegistry();
  const described = useNodeDescription(node);
  const testState = useNodeTestState(id);
  if (!node) return null;
  const display = nodeDisplay(node, registry, info, described);
  const { outputs } = display;
  const width = nodeWidth(outputs.length);
  const classes = ['nf-node', outputs.length > 1 ? 'nf-node--branches' : '', selected ? 'nf-node--selected' : '', errors > 0 ? 'nf-node--error' : '', display.needsSetup ? 'nf-node--setup' : '', testNodeClass(testState)];

  return (
    <div className={classes.filter(Boolean).join(' ')} style={{ '--nf-node-color': display.color ?? 'var(--nf-text-muted)', width } as CSSProperties}>
      <TestNodeMark nodeId={id} outputs={outputs} />
      <StatsNodeBadge nodeId={id} type={node.type} />
      {display.acceptsInput ? <Handle type="target" position={Position.Top} className="nf-handle nf-handle--in" aria-label={`input of ${id}`} /> : null}
      <div className="nf-node__header">
        <span className="nf-node__icon">
          <NodeIcon name={display.icon} />
        </span>
        <span className="nf-node__titles">
          <span className="nf-node__name">{display.name}</span>
          {display.name !== display.title ? <span className="nf-node__type">{display.title}</span> : null}
        </span>
        <ProblemBadge errors={errors} warnings={warnings} />
      </div>
      <div className={display.needsSetup ? 'nf-node__summary nf-node__summary--setup' : 'nf-node__summary'}>{display.summary}</div>
      {outputs.length > 1 ? (
        <div className="nf-node__outputs" aria-hidden>
          {outputs.map((output, i) => (
            <span key={output.id} className="nf-node__output-label" style={{ left: slotLeft(i, outputs.length), maxWidth: width / outputs.length - 12 }}>
              {output.label}
            </span>
          ))}
        </div>
      ) : null}
      {outputs.map((output, i) => (
        <Handle
          key={output.id}
          id={output.id}
          type="source"
          position={Position.Bottom}
          className="nf-handle nf-handle--out"
          style={{ left: slotLeft(i, outputs.length) }}
          aria-label={`${output.label} output of ${id}`}
          data-handle-id={output.id}
        />
      ))}
    </div>
  );
}

/** Only the id and selection matter: moving a node (its position props) does not redraw its content. */
export const FlowNode = memo(FlowNodeComponent, (a, b) => a.id === b.id && a.selected === b.selected);
