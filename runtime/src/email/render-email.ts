import type { RunContext } from '@nudgeflow/shared';
import { templateRenderer } from '../activities/render';
import type { TrackingLinks } from '../links/message-links';
import { trackClicks, withOpenPixel } from './click-tracking';
import { mjmlToHtml } from './mjml-to-html';
import { plainText } from './plain-text';
import { withPreheader } from './preheader';

/** An email node's templates: Liquid in the subject and preheader, MJML with Liquid in the body. */
export interface EmailTemplate {
  subject: string;
  preheader?: string;
  mjml: string;
}

export interface PersonalizedEmail {
  subject: string;
  /** The MJML after Liquid, the preheader in it as <mj-preview>: what the message row keeps. */
  mjml: string;
}

export interface EmailContent {
  /** As sent: clicks tracked, the open pixel in. */
  html: string;
  text: string;
}

/**
 * Liquid with the run's data and this message's real links ({{ links.unsubscribe }},
 * {{ links.viewInBrowser }}). Throws RenderFailure naming the field that does not render.
 */
export function personalizeEmail(template: EmailTemplate, ctx: RunContext, links: TrackingLinks): PersonalizedEmail {
  const render = templateRenderer(ctx, { unsubscribe: links.unsubscribe, viewInBrowser: links.viewInBrowser });
  const subject = render('subject', template.subject).replace(/\s+/g, ' ').trim();
  const preheader = template.preheader === undefined ? undefined : render('preheader', template.preheader);
  return { subject, mjml: withPreheader(render('mjml', template.mjml, { markup: true }), preheader) };
}

/**
 * The HTML and plain-text parts of personalized MJML: every web link but our own (unsubscribe,
 * view in browser) goes through click tracking, and the open pixel is added. Deterministic for a
 * message, so "view in browser" renders the stored MJML into the very email that was sent.
 * Throws MjmlUnreadable when the MJML cannot be read at all.
 */
export async function emailContent(mjml: string, links: TrackingLinks): Promise<EmailContent> {
  const track = (url: string) => (links.isOwn(url) ? undefined : links.click(url));
  const { html } = await mjmlToHtml(mjml);
  const text = plainText(mjml, (url) => (/^https?:\/\//i.test(url) ? (track(url) ?? url) : url));
  return { html: withOpenPixel(trackClicks(html, track), links.open), text };
}

/** What marketing mail carries for one-click unsubscribing in the mail client (RFC 8058). */
export function unsubscribeHeaders(links: TrackingLinks): Record<string, string> {
  return { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
