import type { ApiClient } from '../../api/client';

/** One problem POST /api/preview/email found, in the subject or the body. */
export interface PreviewError {
  field: 'subject' | 'body';
  line?: number;
  message: string;
}

export interface EmailPreviewResult {
  subject: string;
  /** Empty when the body could not be rendered. */
  html: string;
  text?: string;
  errors: PreviewError[];
}

/** Renders a draft email with the server's sample customer and order. */
export function previewEmail(api: ApiClient, input: { subject?: string; body: string }): Promise<EmailPreviewResult> {
  return api.call<EmailPreviewResult>('POST', '/api/preview/email', input);
}

/** How long typing must pause before the preview is rendered again. */
export const PREVIEW_DELAY_MS = 400;
