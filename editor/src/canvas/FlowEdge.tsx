import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { X } from 'lucide-react';
import { memo } from 'react';
import { useFlowStoreApi } from '../store/flow-store';
import { testEdgeClass, useEdgeTestState } from '../test-panel/overlay/canvas-overlay';
import type { FlowEdgeView } from './flow-elements';
import { keepCanvasFocus } from './keep-focus';

/** A smoothstep connection with its output's label (Yes, Timed out, B 50%) and, when selected, a delete button. */
function FlowEdgeComponent({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data, markerEnd, interactionWidth }: EdgeProps<FlowEdgeView>) {
  const store = useFlowStoreApi();
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 20 });
  const label = data?.label;
  const testState = useEdgeTestState(id);

  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={interactionWidth ?? 24} className={`nf-edge__path ${testEdgeClass(testState)}`.trim()} />
      {label || selected ? (
        <EdgeLabelRenderer>
          <div className="nf-edge__label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {label ? <span>{label}</span> : null}
            {selected ? (
              <button type="button" className="nf-edge__delete" aria-label="Delete connection" title="Delete connection" onClick={(event) => {
                  keepCanvasFocus(event.currentTarget);
                  store.getState().removeEdges([id]);
                }}>
                <X size={12} aria-hidden />
              </button>
            ) : null}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeComponent);
