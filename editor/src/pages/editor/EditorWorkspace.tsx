import { useCallback, useEffect, useState } from 'react';
import type { FlowDetail } from '../../api/types';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { flowsHref, navigate } from '../../app/hash-route';
import { leaveTo, setLeaveGuard } from '../../app/leave-guard';
import { FlowCanvas } from '../../canvas/FlowCanvas';
import { StatsPanelSlot } from '../../flow-stats/StatsPanelSlot';
import { Palette } from '../../canvas/palette/Palette';
import { Inspector } from '../../inspector/Inspector';
import { ProblemsPanel } from '../../problems/ProblemsPanel';
import { PublishDialog } from '../../publish/PublishDialog';
import { useFlowStoreApi } from '../../store/flow-store';
import { TestPanelSlot } from '../../test-panel/TestPanelSlot';
import { VersionsDialog } from '../../versions/VersionsDialog';
import { EditorToolbar } from './EditorToolbar';
import { parseFlowFile } from './flow-file';
import { ImportError, type ImportFailure } from './ImportError';
import { useAutosave } from './use-autosave';

type Open = 'none' | 'publish' | 'versions' | 'leave';

/** The editor's layout and the page-level actions: leaving, importing, publishing, versions. */
export function EditorWorkspace({ flow }: { flow: FlowDetail }) {
  const store = useFlowStoreApi();
  const { autosaver, saveState } = useAutosave(flow.id);
  const [publishedVersion, setPublishedVersion] = useState(flow.publishedVersion);
  const [open, setOpen] = useState<Open>('none');
  const [busy, setBusy] = useState(false);
  const [importFailure, setImportFailure] = useState<ImportFailure>();

  /** Saves first: true when the server has the current draft. */
  const saved = useCallback(async () => {
    setBusy(true);
    try {
      return await autosaver.flush();
    } finally {
      setBusy(false);
    }
  }, [autosaver]);

  // Leaving by the app's links (Back to flows, the header) saves first, or asks when that fails.
  useEffect(
    () =>
      setLeaveGuard(async () => {
        if (await saved()) return true;
        setOpen('leave');
        return false;
      }),
    [saved],
  );

  const publish = async () => {
    if (await saved()) setOpen('publish');
  };
  const importFile = async (file: File) => {
    const result = parseFlowFile(await file.text(), file.name);
    if (!result.ok) return setImportFailure({ message: result.message, details: result.details });
    setImportFailure(undefined);
    store.getState().replaceGraph(result.graph);
  };

  return (
    <div className="nf-editor">
      <div className="nf-editor__toolbar">
        <EditorToolbar
          saveState={saveState}
          publishedVersion={publishedVersion}
          busy={busy}
          onBack={() => void leaveTo(flowsHref)}
          onImport={(file) => void importFile(file)}
          onVersions={() => setOpen('versions')}
          onPublish={() => void publish()}
        />
        {importFailure ? <ImportError failure={importFailure} onDismiss={() => setImportFailure(undefined)} /> : null}
      </div>
      <aside className="nf-editor__palette">
        <Palette />
      </aside>
      <div className="nf-editor__canvas">
        <FlowCanvas />
      </div>
      <div className="nf-editor__side">
        <div className="nf-editor__inspector">
          <TestPanelSlot flowId={flow.id} saveDraft={saved}>
            <StatsPanelSlot flowId={flow.id}>
              <Inspector />
            </StatsPanelSlot>
          </TestPanelSlot>
        </div>
        <div className="nf-editor__problems">
          <ProblemsPanel />
        </div>
      </div>

      {open === 'publish' ? (
        <PublishDialog
          flowId={flow.id}
          publishedVersion={publishedVersion}
          onClose={() => setOpen('none')}
          onPublished={(version: number) => setPublishedVersion(version)}
        />
      ) : null}
      {open === 'versions' ? <VersionsDialog flowId={flow.id} onClose={() => setOpen('none')} /> : null}
      {open === 'leave' ? (
        <ConfirmDialog title="Leave without saving?" confirmLabel="Leave without saving" destructive onConfirm={() => navigate(flowsHref)} onCancel={() => setOpen('none')}>
          <p>
            The latest changes could not be saved
            {saveState.kind === 'failed' ? `: ${saveState.message}` : ''}. If you leave now, they are lost.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
