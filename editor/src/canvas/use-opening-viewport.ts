import { getNodesBounds, getViewportForBounds, type Viewport } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { FlowNodeView, Size } from './flow-elements';

export const MIN_ZOOM = 0.1;
export const fitViewOptions = { padding: 0.2, maxZoom: 1 };
const unzoomed: Viewport = { x: 0, y: 0, zoom: 1 };

/**
 * The view a flow opens at: all of it fitted into the canvas (an empty one at 100%, so the first
 * node dropped does not make the view jump). It is computed from the nodes' estimated sizes
 * before xyflow draws anything: asked to fit the view itself, xyflow would first mount the nodes
 * around (0, 0), measure them, then move to the fitted view and mount those.
 *
 * `measure` goes on the canvas element; the viewport is undefined until it has been measured.
 */
export function useOpeningViewport(nodes: FlowNodeView[]): { viewport: Viewport | undefined; measure: (element: HTMLElement | null) => void } {
  const [size, setSize] = useState<Size>();
  const measure = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const { width, height } = element.getBoundingClientRect();
    setSize((current) => current ?? { width, height });
  }, []);
  const [viewport, setViewport] = useState<Viewport>();
  // Once, in the render that follows the measurement (React's pattern for state derived from a previous render).
  if (size && !viewport) setViewport(nodes.length === 0 ? unzoomed : getViewportForBounds(getNodesBounds(nodes), size.width, size.height, MIN_ZOOM, fitViewOptions.maxZoom, fitViewOptions.padding));
  return { viewport, measure };
}
