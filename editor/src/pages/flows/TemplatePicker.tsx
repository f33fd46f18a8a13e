import type { FlowGraph } from '@nudgeflow/shared';
import { useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { Dialog } from '../../app/Dialog';
import { errorMessage } from '../../app/error-message';
import { LoadError, Loading } from '../../app/Status';
import { FlowThumbnail } from '../../thumbnails/FlowThumbnail';

/** One entry of GET /api/templates. */
export interface TemplateInfo {
  slug: string;
  name: string;
  description: string;
  category: string;
  graph: FlowGraph;
}

type Templates = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; templates: TemplateInfo[] };

export interface TemplatePickerProps {
  /** Set while the chosen template is being created (its buttons wait). */
  busy: boolean;
  /** Creating the flow failed: the server's message. */
  error: string | undefined;
  onPick(template: TemplateInfo): void;
  onClose(): void;
}

/** The template library: a card per template with a picture of its flow. */
export function TemplatePicker({ busy, error, onPick, onClose }: TemplatePickerProps) {
  const api = useApi();
  const [templates, setTemplates] = useState<Templates>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    api.call<TemplateInfo[]>('GET', '/api/templates').then(
      (list) => current && setTemplates({ state: 'ready', templates: list }),
      (error: unknown) => current && setTemplates({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <Dialog title="Start from a template" onClose={onClose} wide>
      {error ? (
        <p className="nf-banner nf-banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {templates.state === 'loading' ? <Loading label="Loading templates…" /> : null}
      {templates.state === 'failed' ? <LoadError title="The templates could not be loaded" message={templates.message} /> : null}
      {templates.state === 'ready' ? (
        <ul className="nf-template-grid">
          {templates.templates.map((t) => (
            <li key={t.slug}>
              <button
                type="button"
                className="nf-template-card"
                aria-labelledby={`nf-template-${t.slug}`}
                aria-describedby={`nf-template-${t.slug}-about`}
                disabled={busy}
                onClick={() => onPick(t)}
              >
                <span className="nf-template-card__picture">
                  <FlowThumbnail graph={t.graph} />
                </span>
                <span className="nf-template-card__category">{t.category}</span>
                <span id={`nf-template-${t.slug}`} className="nf-template-card__name">
                  {t.name}
                </span>
                <span id={`nf-template-${t.slug}-about`} className="nf-template-card__description">
                  {t.description}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
