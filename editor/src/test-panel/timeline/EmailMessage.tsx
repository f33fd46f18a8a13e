import type { SimAction } from '@nudgeflow/shared';
import { useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../app/error-message';
import { nodeById } from '../../canvas/graph-index';
import type { EmailPreviewResult, PreviewSample } from '../../inspector/email/preview-api';
import { useFlowStore } from '../../store/flow-store';
import { EmailFrame } from './EmailFrame';

type Preview = { for: string; html: string } | { for: string; failure: string };

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * An email of the run: subject, the email rendered by POST /api/preview/email with the node's MJML,
 * the scenario's contact and order and the codes the run had, and the text the run rendered.
 */
export function EmailMessage({ action, sample }: { action: SimAction; sample: PreviewSample }) {
  const api = useApi();
  const config = useFlowStore((s) => nodeById(s.graph, action.nodeId)?.config);
  const subject = text(config?.subject);
  const mjml = text(config?.mjml);
  const key = JSON.stringify([subject, mjml, sample]);
  const [preview, setPreview] = useState<Preview>();

  useEffect(() => {
    if (mjml === undefined) return;
    let current = true;
    api.call<EmailPreviewResult>('POST', '/api/preview/email', { ...(subject !== undefined ? { subject } : {}), body: mjml, sample }).then(
      (result) => current && setPreview(result.html ? { for: key, html: result.html } : { for: key, failure: result.errors[0]?.message ?? 'the email did not render' }),
      (error: unknown) => current && setPreview({ for: key, failure: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, subject, mjml, sample, key]);

  return (
    <div className="nf-message-content nf-message-content--email">
      <p className="nf-message-content__subject">{action.subject ?? '(no subject)'}</p>
      {mjml === undefined ? null : preview?.for !== key ? (
        <p className="nf-hint">Rendering the email…</p>
      ) : 'html' in preview ? (
        <>
          <EmailFrame html={preview.html} title={`Email: ${action.subject ?? 'no subject'}`} />
          <p className="nf-hint">Rendered for this contact, order and codes, without tracking; the exact text the run made is below.</p>
        </>
      ) : (
        <p className="nf-hint">The preview could not be rendered: {preview.failure}</p>
      )}
      {action.body ? (
        <details>
          <summary>Text of this email</summary>
          <p className="nf-message-content__text">{action.body}</p>
        </details>
      ) : null}
    </div>
  );
}
