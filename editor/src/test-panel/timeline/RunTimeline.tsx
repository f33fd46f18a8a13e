import { ActionDetails } from './ActionDetails';
import type { SimAction } from '@nudgeflow/shared';
import type { PreviewSample } from '../../inspector/email/preview-api';
import { StatusBadge } from './StatusBadge';
import type { TimelineEntry } from './timeline-entries';

/** Every step of the run and every message in full, top to bottom. */
export function RunTimeline({ entries, sampleOf, label }: { entries: readonly TimelineEntry[]; sampleOf(action: SimAction): PreviewSample; label: string }) {
  return (
    <ol className="nf-timeline" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.key} className={`nf-timeline__entry nf-timeline__entry--${entry.kind}`}>
          <span className="nf-timeline__at">{entry.at}</span>
          <div className="nf-timeline__body">
            {entry.kind === 'step' ? (
              <p>
                <span className="nf-timeline__node">{entry.nodeName}</span> {entry.text}
              </p>
            ) : entry.kind === 'action' ? (
              <>
                <p className="nf-timeline__title">
                  <span className="nf-timeline__node">{entry.title}</span> <StatusBadge status={entry.action.status} />
                </p>
                {entry.action.reason ? <p className="nf-hint">{entry.action.reason}</p> : null}
                <ActionDetails action={entry.action} sample={sampleOf(entry.action)} />
              </>
            ) : (
              <p className="nf-timeline__end">{entry.text}</p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
