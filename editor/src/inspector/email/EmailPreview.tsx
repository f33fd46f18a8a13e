import { Maximize2 } from 'lucide-react';
import { useState } from 'react';
import { Dialog } from '../../app/Dialog';
import type { EmailPreviewState } from './use-email-preview';

function Frame({ html, title, className }: { html: string; title: string; className: string }) {
  // No sandbox permissions: the email's HTML cannot run scripts, submit forms or navigate the editor.
  return <iframe className={className} title={title} sandbox="" srcDoc={html} />;
}

/** The rendered email for the sample customer; in the side panel it can be opened larger. */
export function EmailPreview({ preview, expandable = true }: { preview: EmailPreviewState; expandable?: boolean }) {
  const [large, setLarge] = useState(false);
  const status = preview.failure ? `Preview unavailable: ${preview.failure}` : preview.stale ? 'Updating…' : 'Sample: Jana Nováková, e-book order';
  return (
    <section className="nf-email-preview" aria-label="Preview with sample data">
      <header className="nf-email-preview__header">
        <div>
          <div className="nf-email-preview__subject">{preview.subject || 'No subject'}</div>
          <div className="nf-hint" aria-live="polite">
            {status}
          </div>
        </div>
        {expandable ? (
          <button type="button" className="nf-button nf-button--ghost nf-button--icon" aria-label="Open larger preview" disabled={!preview.html} onClick={() => setLarge(true)}>
            <Maximize2 aria-hidden />
          </button>
        ) : null}
      </header>
      {preview.html ? <Frame className="nf-email-preview__frame" title="Email preview" html={preview.html} /> : <p className="nf-email-preview__empty nf-hint">The preview appears once the email renders.</p>}
      {large ? (
        <Dialog title={preview.subject || 'Email preview'} onClose={() => setLarge(false)} wide>
          <Frame className="nf-email-preview__frame nf-email-preview__frame--large" title="Email preview, large" html={preview.html} />
        </Dialog>
      ) : null}
    </section>
  );
}
