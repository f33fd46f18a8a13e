import { analyzeTemplate, mjmlToText, renderTemplate, TemplateError, templateScope, type RunContext, type TemplateIssue } from '@nudgeflow/shared';
import { mjmlToHtml, MjmlUnreadable } from '../../email/mjml-to-html';

export interface PreviewError {
  /** Which input the error is in. */
  field: 'subject' | 'body';
  /** 1-based line in that input, when known. */
  line?: number;
  message: string;
}

export interface EmailPreview {
  subject: string;
  /** Empty when the body could not be rendered at all (see errors). */
  html: string;
  text?: string;
  errors: PreviewError[];
}

/** Issues that stop rendering: broken syntax, or tags that would read files on the server. */
const blocking = new Set<TemplateIssue['code']>(['template-syntax', 'unsupported-tag', 'missing-mjml-root']);

function issueErrors(field: PreviewError['field'], issues: TemplateIssue[]): PreviewError[] {
  return issues.map((issue) => ({ field, ...(issue.line !== undefined ? { line: issue.line } : {}), message: issue.message }));
}

function renderLiquid(field: PreviewError['field'], source: string, scope: Record<string, unknown>): { text: string } | { error: PreviewError } {
  try {
    // The body is markup: its outputs are escaped as they are when the email is sent.
    return { text: renderTemplate(source, scope, { markup: field === 'body' }) };
  } catch (error) {
    const line = error instanceof TemplateError ? error.line : undefined;
    return { error: { field, ...(line !== undefined ? { line } : {}), message: error instanceof Error ? error.message : String(error) } };
  }
}

const lineCount = (text: string) => text.split('\n').length;

/**
 * MJML reports lines of the text it was given, which is the body after Liquid. Those are the
 * marketer's lines while Liquid added or removed none; otherwise the message says which it means.
 */
async function renderMjml(source: string, rendered: string): Promise<{ html: string; errors: PreviewError[] }> {
  // The same renderer as a send, so the preview shows what goes out.
  const result = await mjmlToHtml(rendered);
  const sameLines = lineCount(source) === lineCount(rendered);
  const errors = result.errors.map((e): PreviewError => {
    const message = `<${e.tagName}>: ${e.message}`;
    return sameLines ? { field: 'body', line: e.line, message } : { field: 'body', message: `line ${e.line} of the email after Liquid, ${message}` };
  });
  return { html: result.html, errors };
}

/** Subject and MJML body rendered the way a send would, for the editor's live preview. */
export async function renderEmailPreview(input: { subject?: string; body: string; context: RunContext }): Promise<EmailPreview> {
  const scope = templateScope(input.context);
  const errors: PreviewError[] = [];
  let subject = '';
  if (input.subject !== undefined) {
    const issues = analyzeTemplate(input.subject, 'liquid');
    errors.push(...issueErrors('subject', issues));
    if (!issues.some((issue) => blocking.has(issue.code))) {
      const result = renderLiquid('subject', input.subject, scope);
      if ('error' in result) errors.push(result.error);
      else subject = result.text.trim();
    }
  }

  const issues = analyzeTemplate(input.body, 'mjml');
  errors.push(...issueErrors('body', issues));
  if (issues.some((issue) => blocking.has(issue.code))) return { subject, html: '', errors };
  const body = renderLiquid('body', input.body, scope);
  if ('error' in body) return { subject, html: '', errors: [...errors, body.error] };
  try {
    const mjml = await renderMjml(input.body, body.text);
    return { subject, html: mjml.html, text: mjmlToText(body.text), errors: [...errors, ...mjml.errors] };
  } catch (error) {
    if (!(error instanceof MjmlUnreadable)) throw error;
    return { subject, html: '', errors: [...errors, { field: 'body', message: error.message }] };
  }
}
