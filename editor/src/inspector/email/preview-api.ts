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

/** What a preview renders with instead of parts of the server's sample (Jana Nováková and her e-book order). */
export interface PreviewSample {
  contact?: Record<string, unknown>;
  order?: Record<string, unknown>;
  /** By pool, as `{{ codes.<pool> }}` shows them. */
  codes?: Record<string, string>;
}

/** Renders a draft email with the server's sample customer and order, or the fields given instead. */
export function previewEmail(api: ApiClient, input: { subject?: string; body: string; sample?: PreviewSample }): Promise<EmailPreviewResult> {
  return api.call<EmailPreviewResult>('POST', '/api/preview/email', input);
}

/** How long typing must pause before the preview is rendered again. */
export const PREVIEW_DELAY_MS = 400;
