import { LayoutTemplate, Plus } from 'lucide-react';
import { useState } from 'react';
import type { FlowSummary } from '../../api/types';
import { useApi } from '../../app/api-context';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { errorMessage } from '../../app/error-message';
import { editorHref, navigate } from '../../app/hash-route';
import { LoadError, Loading } from '../../app/Status';
import { FlowTable } from './FlowTable';
import { newFlowGraph } from './new-flow';
import { TemplatePicker, type TemplateInfo } from './TemplatePicker';
import { useFlowList } from './use-flow-list';
import { useNow } from './use-now';
import './flows.css';

/** The flows list: every flow with its status, and what can be done with it. */
export function FlowsPage() {
  const api = useApi();
  const { list, reload } = useFlowList();
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [picking, setPicking] = useState(false);
  const [deleting, setDeleting] = useState<FlowSummary>();

  /** Runs one change at a time; a failure shows the server's message above the list. */
  async function act(what: string, change: () => Promise<void>) {
    setBusy(true);
    setActionError(undefined);
    try {
      await change();
    } catch (error) {
      setActionError(`${what}: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const create = (graph = newFlowGraph()) =>
    act('Could not create the flow', async () => {
      const flow = await api.createFlow(graph);
      navigate(editorHref(flow.id));
    });
  const fromTemplate = (template: TemplateInfo) =>
    act(`Could not create a flow from "${template.name}"`, async () => {
      const flow = await api.createFlow(template.graph);
      setPicking(false);
      navigate(editorHref(flow.id));
    });
  const duplicate = (flow: FlowSummary) => act(`Could not duplicate "${flow.name}"`, () => api.duplicateFlow(flow.id).then(reload));
  const pause = (flow: FlowSummary) => act(`Could not pause "${flow.name}"`, () => api.pauseFlow(flow.id).then(reload));
  const resume = (flow: FlowSummary) => act(`Could not resume "${flow.name}"`, () => api.resumeFlow(flow.id).then(reload));
  const remove = (flow: FlowSummary) =>
    act(`Could not delete "${flow.name}"`, async () => {
      await api.deleteFlow(flow.id);
      setDeleting(undefined);
      await reload();
    });

  return (
    <main className="nf-page nf-flows">
      <div className="nf-page__heading">
        <h1>Flows</h1>
        <div className="nf-page__actions">
          <button type="button" className="nf-button" disabled={busy} onClick={() => setPicking(true)}>
            <LayoutTemplate aria-hidden />
            Start from a template
          </button>
          <button type="button" className="nf-button nf-button--primary" disabled={busy} onClick={() => void create()}>
            <Plus aria-hidden />
            New flow
          </button>
        </div>
      </div>

      {actionError ? (
        <p className="nf-banner nf-banner--error" role="alert">
          {actionError}
        </p>
      ) : null}

      {list.state === 'loading' ? <Loading label="Loading flows…" /> : null}
      {list.state === 'failed' ? <LoadError title="The flows could not be loaded" message={list.message} onRetry={() => void reload()} /> : null}
      {list.state === 'ready' && list.flows.length === 0 ? (
        <section className="nf-empty" aria-labelledby="nf-flows-empty">
          <h2 id="nf-flows-empty">No flows yet</h2>
          <p className="nf-muted">A flow reacts to what a customer does: a trigger, then waits, conditions and messages. Draw your first one, or start from a ready-made flow and adapt it.</p>
          <div className="nf-page__actions">
            <button type="button" className="nf-button nf-button--primary" disabled={busy} onClick={() => void create()}>
              Create your first flow
            </button>
            <button type="button" className="nf-button" disabled={busy} onClick={() => setPicking(true)}>
              Browse templates
            </button>
          </div>
        </section>
      ) : null}
      {list.state === 'ready' && list.flows.length > 0 ? (
        <FlowTable flows={list.flows} busy={busy} now={now} onDuplicate={duplicate} onPause={pause} onResume={resume} onDelete={setDeleting} />
      ) : null}

      {picking ? <TemplatePicker busy={busy} error={actionError} onPick={(t) => void fromTemplate(t)} onClose={() => setPicking(false)} /> : null}
      {deleting ? (
        <ConfirmDialog title="Delete flow" confirmLabel="Delete" destructive busy={busy} onConfirm={() => void remove(deleting)} onCancel={() => setDeleting(undefined)}>
          <p>
            Delete <strong>{deleting.name}</strong>?{' '}
            {deleting.activeRuns > 0
              ? `The ${deleting.activeRuns} contact${deleting.activeRuns === 1 ? '' : 's'} in it leave the flow now. `
              : ''}
            This cannot be undone.
          </p>
          {actionError ? (
            <p className="nf-error-text" role="alert">
              {actionError}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </main>
  );
}
