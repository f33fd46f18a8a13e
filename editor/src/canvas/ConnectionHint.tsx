import { useConnection, ViewportPortal } from '@xyflow/react';
import { useFlowStoreApi } from '../store/flow-store';

/** While a connection is dragged over a handle that refuses it, says why, next to the pointer. */
export function ConnectionHint() {
  const store = useFlowStoreApi();
  const hint = useConnection((c) => {
    if (!c.inProgress || c.isValid !== false || !c.toHandle) return undefined;
    // A drag may start at either end; the rules speak of source and target.
    const [source, target] = c.fromHandle.type === 'source' ? [c.fromHandle, c.toHandle] : [c.toHandle, c.fromHandle];
    const verdict = store.getState().canConnect({ source: source.nodeId, sourceHandle: source.id, target: target.nodeId });
    return verdict.ok ? undefined : { reason: verdict.reason, x: c.to.x, y: c.to.y };
  });
  if (!hint) return null;
  return (
    <ViewportPortal>
      <div className="nf-connection-hint" role="status" style={{ transform: `translate(${hint.x + 14}px, ${hint.y + 14}px)` }}>
        {hint.reason}
      </div>
    </ViewportPortal>
  );
}
