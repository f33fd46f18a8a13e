import { diffGraphs, hasChanges, summarizeDiff, type FlowGraph, type NodeRegistry } from '@nudgeflow/shared';
import { History } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { FlowVersionSummary } from '../api/types';
import { useApi } from '../app/api-context';
import { Dialog } from '../app/Dialog';
import { errorMessage } from '../app/error-message';
import { useEditorRegistry } from '../app/node-types-context';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store';
import './versions.css';

type Listing = { state: 'loading' } | { state: 'loaded'; versions: FlowVersionSummary[] } | { state: 'failed'; message: string };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** How the draft being edited differs from a version: "Draft since this version: 1 node added · settings changed". */
function draftComparison(version: FlowGraph | undefined, draft: FlowGraph, registry: NodeRegistry): string {
  if (!version) return 'Loading…';
  const diff = diffGraphs(version, draft, registry);
  if (!hasChanges(diff)) return diff.nodesMoved.length > 0 ? 'Same as the draft, apart from the layout' : 'Same as the draft';
  return `Draft since this version: ${summarizeDiff(diff)}`;
}

/** "Versions": every published version, how the draft differs from it, and restoring one into the draft. */
export function VersionsDialog({ flowId, onClose }: { flowId: string; onClose(): void }) {
  const api = useApi();
  const store = useFlowStoreApi();
  const draft = useFlowStore((s) => s.graph);
  const registry = useEditorRegistry();
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [graphs, setGraphs] = useState<ReadonlyMap<number, FlowGraph>>(new Map());
  const [restoreFailure, setRestoreFailure] = useState<string>();

  useEffect(() => {
    let current = true;
    api.listVersions(flowId).then(
      (versions) => {
        if (!current) return;
        setListing({ state: 'loaded', versions });
        for (const { version } of versions)
          api.getVersion(flowId, version).then(
            (full) => current && setGraphs((known) => new Map(known).set(version, full.graph)),
            // A version that does not load shows no comparison; restoring it reports the error.
            () => undefined,
          );
      },
      (error: unknown) => current && setListing({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, flowId]);

  const restore = async (version: number) => {
    try {
      const graph = graphs.get(version) ?? (await api.getVersion(flowId, version)).graph;
      store.getState().replaceGraph(graph);
      onClose();
    } catch (error) {
      setRestoreFailure(`Version ${version} could not be loaded: ${errorMessage(error)}`);
    }
  };

  return (
    <Dialog title="Versions" onClose={onClose}>
      <div className="nf-versions">
        <p className="nf-hint">Restoring copies a version into the draft; Undo takes it back. Nothing goes live until you publish.</p>
        {restoreFailure ? (
          <p className="nf-error-text" role="alert">
            {restoreFailure}
          </p>
        ) : null}
        {listing.state === 'loading' ? <p className="nf-hint">Loading versions…</p> : null}
        {listing.state === 'failed' ? <p className="nf-error-text">The versions could not be loaded: {listing.message}</p> : null}
        {listing.state === 'loaded' && listing.versions.length === 0 ? <p>This flow has not been published yet.</p> : null}
        {listing.state === 'loaded' && listing.versions.length > 0 ? (
          <ul className="nf-versions__list">
            {listing.versions.map((v) => (
              <li key={v.version} className="nf-versions__item">
                <div className="nf-versions__info">
                  <div className="nf-versions__title">
                    <strong>Version {v.version}</strong>
                    {v.current ? <span className="nf-versions__live">Live</span> : null}
                  </div>
                  <div className="nf-hint">Published {dateFormat.format(new Date(v.publishedAt))}</div>
                  <div className="nf-versions__diff">{draftComparison(graphs.get(v.version), draft, registry)}</div>
                </div>
                <button type="button" className="nf-button nf-button--small" onClick={() => void restore(v.version)}>
                  <History aria-hidden />
                  Restore version {v.version}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Dialog>
  );
}
