import type { Problem } from '@nudgeflow/shared';
import { useId } from 'react';
import { Dialog } from '../../app/Dialog';
import { ProblemList } from '../form/Field';
import { EmailPreview } from './EmailPreview';
import { MjmlEditor } from './MjmlEditor';
import type { PreviewError } from './preview-api';
import type { EmailPreviewState } from './use-email-preview';

interface EmailWorkbenchProps {
  label: string;
  text: string;
  onChange(next: string): void;
  problems: readonly Problem[];
  previewErrors: readonly PreviewError[];
  preview: EmailPreviewState;
  onClose(): void;
}

/** The email editor with room to work: MJML on the left, the rendered email beside it. */
export function EmailWorkbench({ label, text, onChange, problems, previewErrors, preview, onClose }: EmailWorkbenchProps) {
  const id = useId();
  const invalid = problems.some((p) => p.severity === 'error');
  return (
    <Dialog title={`${label}: MJML and preview`} onClose={onClose} wide>
      <div className="nf-email-workbench">
        <div className="nf-email-workbench__editor">
          <label className="nf-label" htmlFor={id}>
            {label}
          </label>
          <MjmlEditor ids={{ id, describedBy: problems.length > 0 ? `${id}-problems` : undefined, invalid }} text={text} onChange={onChange} problems={problems} previewErrors={previewErrors} />
          <ProblemList id={`${id}-problems`} problems={problems} />
        </div>
        <EmailPreview preview={preview} expandable={false} />
      </div>
    </Dialog>
  );
}
