import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useId, useMemo, useRef, type PointerEvent } from 'react';
import type { FlowNodeView } from '../flow-elements';
import { maskPath, MINIMAP_HEIGHT, MINIMAP_WIDTH, minimapFrame, nodeShapes, nodesBounds, type NodeShapes, type Rect } from './minimap-view';

/** The part of the flow in view, in flow coordinates. */
function viewRect(s: ReactFlowState): Rect {
  const [x, y, zoom] = s.transform;
  return { x: -x / zoom, y: -y / zoom, width: s.width / zoom, height: s.height / zoom };
}

const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** Wheel steps to zoom factors, as the canvas itself zooms (lines and pages scroll further than pixels). */
function wheelZoom(event: WheelEvent): number {
  const perUnit = event.deltaMode === 1 ? 0.05 : event.deltaMode === 2 ? 1 : 0.002;
  return 2 ** (-event.deltaY * perUnit);
}

const Shapes = memo(function Shapes({ shapes }: { shapes: NodeShapes[] }) {
  return shapes.map((shape) => <path key={`${shape.selected}:${shape.color}`} d={shape.d} style={{ fill: shape.color }} opacity={shape.selected ? 1 : 0.7} />);
});

/**
 * The overview in the canvas corner: every node, and the view as a window that can be dragged,
 * or zoomed with the wheel. It replaces xyflow's MiniMap, which subscribes one component per node
 * to the canvas store: on a 500-node flow that was 500 selectors re-run on every frame of a pan
 * or a drag. Here only the view rectangle follows the store; the nodes change with the flow.
 */
export const FlowMiniMap = memo(function FlowMiniMap({ nodes, colorOf, label }: { nodes: FlowNodeView[]; colorOf: (node: FlowNodeView) => string; label: string }) {
  const view = useStore(viewRect, sameRect);
  const { getViewport, setViewport, zoomTo } = useReactFlow();
  const titleId = useId();
  const svg = useRef<SVGSVGElement>(null);
  const dragFrom = useRef<{ x: number; y: number }>(undefined);
  const content = useMemo(() => nodesBounds(nodes), [nodes]);
  const shapes = useMemo(() => nodeShapes(nodes, colorOf), [nodes, colorOf]);
  const frame = minimapFrame(content, view);
  const { viewBox } = frame;

  // React's wheel listeners are passive; this one keeps the page from scrolling while it zooms.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      void zoomTo(getViewport().zoom * wheelZoom(event));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [getViewport, zoomTo]);

  const startDrag = (event: PointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    dragFrom.current = { x: event.clientX, y: event.clientY };
  };
  // The view window follows the pointer: a minimap pixel is `frame.scale` flow units.
  const drag = (event: PointerEvent<SVGSVGElement>) => {
    const from = dragFrom.current;
    if (!from) return;
    dragFrom.current = { x: event.clientX, y: event.clientY };
    const { x, y, zoom } = getViewport();
    const step = frame.scale * zoom;
    void setViewport({ x: x - (event.clientX - from.x) * step, y: y - (event.clientY - from.y) * step, zoom });
  };
  const endDrag = () => {
    dragFrom.current = undefined;
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap">
      <svg
        ref={svg}
        width={MINIMAP_WIDTH}
        height={MINIMAP_HEIGHT}
        viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-labelledby={titleId}
        onPointerDown={startDrag}
        onPointerMove={drag}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <title id={titleId}>{label}</title>
        <Shapes shapes={shapes} />
        <path className="react-flow__minimap-mask" d={maskPath(frame, view)} fillRule="evenodd" pointerEvents="none" />
      </svg>
    </Panel>
  );
});
