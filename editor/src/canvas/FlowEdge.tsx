import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { X } from 'lucide-react';
import { memo } from 'react';
import { EdgeStatsCount, useEdgeStatsCount } from '../flow-stats/StatsCanvasMarks';
import { useFlowStoreApi } from '../store/flow-store';
import { testEdgeClass, useEdgeTestState } from '../test-panel/overlay/canvas-overlay';
import type { FlowEdgeView } from './flow-elements';
import { keepCanvasFocus } from './keep-focus';

/** A smoothstep connection with its output's label (Yes, Timed out, B 50%), its runs while Stats are shown, and, when selected, a delete button. */
function FlowEdgeComponent({ id, source, sourceHandleId, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data, markerEnd, interactionWidth }: EdgeProps<FlowEdgeView>) {
  const store = useFlowStoreApi();
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 20 });
  const label = data?.label;
  const testState = useEdgeTestState(id);
  const statsCount = useEdgeStatsCount(source, sourceHandleId);

  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={interactionWidth ?? 24} className={`nf-edge__path ${testEdgeClass(testState)}`.trim()} />
      {label || selected || statsCount ? (
        <EdgeLabelRenderer>
          <div className="nf-edge__label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {label ? <span>{label}</span> : null}
            {statsCount ? <EdgeStatsCount edgeId={id} count={statsCount} /> : null}
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
