import { Copy, Pause, Play, Trash2 } from 'lucide-react';
import type { FlowSummary } from '../../api/types';
import { editorHref } from '../../app/hash-route';
import { formatUpdated, statusLabel } from './flow-format';

export interface FlowRowActions {
  onDuplicate(flow: FlowSummary): void;
  onPause(flow: FlowSummary): void;
  onResume(flow: FlowSummary): void;
  onDelete(flow: FlowSummary): void;
}

export function FlowTable({ flows, busy, now, ...actions }: { flows: FlowSummary[]; busy: boolean; now: Date } & FlowRowActions) {
  return (
    <table className="nf-table nf-flow-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Status</th>
          <th scope="col">Version</th>
          <th scope="col" className="nf-numeric">
            Contacts in flow
          </th>
          <th scope="col">Updated</th>
          <th scope="col">
            <span className="nf-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {flows.map((flow) => (
          <FlowRow key={flow.id} flow={flow} busy={busy} now={now} {...actions} />
        ))}
      </tbody>
    </table>
  );
}

function FlowRow({ flow, busy, now, onDuplicate, onPause, onResume, onDelete }: { flow: FlowSummary; busy: boolean; now: Date } & FlowRowActions) {
  return (
    <tr>
      <td>
        <a className="nf-flow-table__name" href={editorHref(flow.id)}>
          {flow.name}
        </a>
      </td>
      <td>
        <span className={`nf-status nf-status--${flow.status}`}>{statusLabel(flow.status)}</span>
      </td>
      <td>
        {flow.publishedVersion === undefined ? <span className="nf-muted">Not published</span> : `v${flow.publishedVersion}`}
        {flow.publishedVersion !== undefined && flow.unpublishedChanges ? (
          <span className="nf-badge nf-badge--warning" title="The draft has changes that are not published yet">
            Unpublished changes
          </span>
        ) : null}
      </td>
      <td className="nf-numeric">{flow.activeRuns}</td>
      <td>
        <time dateTime={flow.updatedAt} title={new Date(flow.updatedAt).toLocaleString()}>
          {formatUpdated(flow.updatedAt, now)}
        </time>
      </td>
      <td>
        <div className="nf-row-actions">
          <button type="button" className="nf-button nf-button--small" aria-label={`Duplicate ${flow.name}`} disabled={busy} onClick={() => onDuplicate(flow)}>
            <Copy aria-hidden />
            Duplicate
          </button>
          {flow.status === 'active' ? (
            <button type="button" className="nf-button nf-button--small" aria-label={`Pause ${flow.name}`} disabled={busy} onClick={() => onPause(flow)}>
              <Pause aria-hidden />
              Pause
            </button>
          ) : null}
          {flow.status === 'paused' ? (
            <button type="button" className="nf-button nf-button--small" aria-label={`Resume ${flow.name}`} disabled={busy} onClick={() => onResume(flow)}>
              <Play aria-hidden />
              Resume
            </button>
          ) : null}
          <button type="button" className="nf-button nf-button--small" aria-label={`Delete ${flow.name}`} disabled={busy} onClick={() => onDelete(flow)}>
            <Trash2 aria-hidden />
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}
