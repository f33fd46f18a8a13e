import type { Problem } from '@nudgeflow/shared';
import { Rocket } from 'lucide-react';
import { useEffect, useState } from 'react';
import { ApiCallError } from '../api/client';
import { useApi } from '../app/api-context';
import { Dialog } from '../app/Dialog';
import { errorMessage } from '../app/error-message';
import { useFlowStore } from '../store/flow-store';
import { ChangeSummary, type LiveVersion } from './ChangeSummary';
import { ProblemLines } from './ProblemLines';
import './publish.css';

export interface PublishDialogProps {
  flowId: string;
  /** The live version, if the flow was ever published. */
  publishedVersion?: number | undefined;
  onClose(): void;
  onPublished(version: number): void;
}

/** The server's refusal, with the problems it lists (a draft it validated differently, or saved since). */
interface Refusal {
  message: string;
  problems: Problem[];
}

function isProblemList(details: unknown): details is Problem[] {
  return Array.isArray(details) && details.every((d) => typeof d === 'object' && d !== null && 'message' in d);
}

/** "Publish flow": what changes against the live version, the warnings, and the button that makes the draft live. */
export function PublishDialog({ flowId, publishedVersion, onClose, onPublished }: PublishDialogProps) {
  const api = useApi();
  const graph = useFlowStore((s) => s.graph);
  const problems = useFlowStore((s) => s.problems);
  const [live, setLive] = useState<LiveVersion>({ state: 'loading' });
  const [publishing, setPublishing] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();

  useEffect(() => {
    if (publishedVersion === undefined) return;
    let current = true;
    api.getVersion(flowId, publishedVersion).then(
      (version) => current && setLive({ state: 'loaded', graph: version.graph }),
      (error: unknown) => current && setLive({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, flowId, publishedVersion]);

  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');

  const publish = async () => {
    setPublishing(true);
    setRefusal(undefined);
    try {
      const published = await api.publishFlow(flowId);
      onPublished(published.version);
      onClose();
    } catch (error) {
      const details = error instanceof ApiCallError ? error.details : undefined;
      setRefusal({ message: errorMessage(error), problems: isProblemList(details) ? details.filter((p) => p.severity === 'error') : [] });
      setPublishing(false);
    }
  };

  return (
    <Dialog
      title="Publish flow"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="nf-button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="nf-button nf-button--primary" disabled={publishing || errors.length > 0} onClick={() => void publish()}>
            <Rocket aria-hidden />
            {publishing ? 'Publishing…' : 'Publish now'}
          </button>
        </>
      }
    >
      <div className="nf-publish">
        <p>New contacts start on the new version; contacts already in the flow finish on the version they started.</p>
        <ChangeSummary graph={graph} publishedVersion={publishedVersion} live={publishedVersion === undefined ? undefined : live} />
        {errors.length > 0 ? (
          <div className="nf-publish__block" role="alert">
            <h3>
              Fix {errors.length === 1 ? 'this error' : `these ${errors.length} errors`} before publishing
            </h3>
            <ProblemLines problems={errors} />
          </div>
        ) : null}
        {warnings.length > 0 ? (
          <div className="nf-publish__block">
            <h3>Warnings</h3>
            <p className="nf-hint">Publishing is allowed, but check these first.</p>
            <ProblemLines problems={warnings} />
          </div>
        ) : null}
        {refusal ? (
          <div className="nf-publish__block nf-publish__refusal" role="alert">
            <h3>The server did not publish</h3>
            <p>{refusal.message}</p>
            <ProblemLines problems={refusal.problems} />
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
