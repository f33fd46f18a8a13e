import type { NodeRegistry } from '@nudgeflow/shared';
import type { NodeTypeInfo } from '../api/types';

/** The drag-and-drop payload type a palette item carries: the node type to add. */
export const NODE_DRAG_TYPE = 'application/x-nudgeflow-node';

/** The edge under a screen point, found by hit-testing the rendered edge paths. */
export function edgeIdAt(x: number, y: number): string | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    const edge = element.closest('.react-flow__edge');
    const id = edge?.getAttribute('data-id');
    if (id) return id;
  }
  return undefined;
}

/**
 * The config a new node of `type` starts from when the editor's registry does not know the type
 * (one the server added later): the server catalog's defaults. Known types use the registry's.
 */
export function catalogDefaults(type: string, catalog: readonly NodeTypeInfo[], registry: NodeRegistry): { config?: Record<string, unknown> } {
  if (registry.has(type)) return {};
  const info = catalog.find((t) => t.type === type);
  return info ? { config: info.defaults } : {};
}
