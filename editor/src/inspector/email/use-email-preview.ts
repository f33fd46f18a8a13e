import { useEffect, useState } from 'react';
import { errorMessage } from '../../app/error-message';
import { useApi } from '../../app/api-context';
import { PREVIEW_DELAY_MS, previewEmail, type PreviewError, type PreviewSample } from './preview-api';

export interface EmailPreviewState {
  /** The last render that produced an email: kept while the draft is broken. */
  html: string;
  subject: string;
  /** Problems in the current draft. */
  errors: PreviewError[];
  /** The draft changed since the shown render. */
  stale: boolean;
  /** The server could not be asked. */
  failure?: string;
}

interface Rendered {
  for: string;
  html: string;
  subject: string;
  errors: PreviewError[];
  failure?: string;
}

/** The rendered email for a draft subject and MJML body, refreshed once typing pauses. */
export function useEmailPreview(subject: string | undefined, body: string, sample: PreviewSample): EmailPreviewState {
  const api = useApi();
  const key = JSON.stringify([subject, body, sample]);
  const [rendered, setRendered] = useState<Rendered>({ for: '', html: '', subject: '', errors: [] });

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      previewEmail(api, { ...(subject !== undefined ? { subject } : {}), body, sample }).then(
        (result) => {
          if (!current) return;
          setRendered((last) =>
            result.html ? { for: key, html: result.html, subject: result.subject, errors: result.errors } : { ...last, for: key, errors: result.errors, failure: undefined },
          );
        },
        (error: unknown) => {
          if (current) setRendered((last) => ({ ...last, for: key, failure: errorMessage(error) }));
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, subject, body, sample, key]);

  return {
    html: rendered.html,
    subject: rendered.subject,
    errors: rendered.errors,
    stale: rendered.for !== key,
    ...(rendered.failure ? { failure: rendered.failure } : {}),
  };
}
