import { useReactFlow } from '@xyflow/react';
import { ArrowLeft, Download, History, Maximize, Network, Redo2, Rocket, Undo2, Upload } from 'lucide-react';
import { useRef } from 'react';
import { StatsButton } from '../../flow-stats/StatsButton';
import { useFlowStore, useFlowStoreApi } from '../../store/flow-store';
import { TestButton } from '../../test-panel/TestButton';
import type { SaveState } from './autosave';
import { downloadText } from './download';
import { flowFileName, flowFileText } from './flow-file';
import { FlowNameInput } from './FlowNameInput';
import { SaveStatus } from './SaveStatus';

export interface EditorToolbarProps {
  saveState: SaveState;
  publishedVersion: number | undefined;
  /** Saving before publishing or leaving: those buttons wait. */
  busy: boolean;
  onBack(): void;
  onImport(file: File): void;
  onVersions(): void;
  onPublish(): void;
}

const fitOptions = { padding: 0.2 };

export function EditorToolbar({ saveState, publishedVersion, busy, onBack, onImport, onVersions, onPublish }: EditorToolbarProps) {
  const store = useFlowStoreApi();
  const { fitView } = useReactFlow();
  const canUndo = useFlowStore((s) => s.past.length > 0);
  const canRedo = useFlowStore((s) => s.future.length > 0);
  const errors = useFlowStore((s) => s.problems.filter((p) => p.severity === 'error').length);
  const fileInput = useRef<HTMLInputElement>(null);

  const autoLayout = () => {
    store.getState().autoLayout();
    // The canvas measures the moved nodes on its next frame; fit after that.
    requestAnimationFrame(() => void fitView(fitOptions));
  };
  const exportFile = () => {
    const { graph } = store.getState();
    downloadText(flowFileName(graph.name), flowFileText(graph));
  };
  const publishHint = errors > 0 ? `Fix ${errors} error${errors === 1 ? '' : 's'} before publishing (see Problems)` : undefined;

  return (
    <div className="nf-toolbar" role="toolbar" aria-label="Flow editor">
      <div className="nf-toolbar__group">
        <button type="button" className="nf-button nf-button--ghost" disabled={busy} onClick={onBack}>
          <ArrowLeft aria-hidden />
          Back to flows
        </button>
        <FlowNameInput />
        <span className="nf-badge">{publishedVersion === undefined ? 'Draft' : `Published v${publishedVersion}`}</span>
      </div>
      <div className="nf-toolbar__group">
        <button type="button" className="nf-button nf-button--ghost" disabled={!canUndo} title="Undo (Ctrl+Z)" onClick={() => store.getState().undo()}>
          <Undo2 aria-hidden />
          Undo
        </button>
        <button type="button" className="nf-button nf-button--ghost" disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" onClick={() => store.getState().redo()}>
          <Redo2 aria-hidden />
          Redo
        </button>
        <button type="button" className="nf-button nf-button--ghost" onClick={autoLayout}>
          <Network aria-hidden />
          Auto layout
        </button>
        <button type="button" className="nf-button nf-button--ghost" onClick={() => void fitView(fitOptions)}>
          <Maximize aria-hidden />
          Fit view
        </button>
      </div>
      <div className="nf-toolbar__group nf-toolbar__group--end">
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so picking the same file again still counts as a change.
            event.target.value = '';
            if (file) onImport(file);
          }}
        />
        <button type="button" className="nf-button nf-button--ghost" onClick={() => fileInput.current?.click()}>
          <Upload aria-hidden />
          Import
        </button>
        <button type="button" className="nf-button nf-button--ghost" onClick={exportFile}>
          <Download aria-hidden />
          Export
        </button>
        <TestButton />
        <StatsButton published={publishedVersion !== undefined} />
        <button type="button" className="nf-button nf-button--ghost" onClick={onVersions}>
          <History aria-hidden />
          Versions
        </button>
        <SaveStatus state={saveState} />
        <span className="nf-toolbar__publish" title={publishHint}>
          <button type="button" className="nf-button nf-button--primary" disabled={errors > 0 || busy} aria-describedby={publishHint ? 'nf-publish-hint' : undefined} onClick={onPublish}>
            <Rocket aria-hidden />
            Publish
          </button>
          {publishHint ? (
            <span id="nf-publish-hint" className="nf-visually-hidden">
              {publishHint}
            </span>
          ) : null}
        </span>
      </div>
    </div>
  );
}
