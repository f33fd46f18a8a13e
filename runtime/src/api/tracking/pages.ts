/**
 * The few pages a customer may see after following a link in an email: small, self-contained
 * (no scripts, no external resources), readable in light and dark mode. Nothing personal is
 * shown: a forwarded email's links reach other people.
 */

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const style = `
:root { color-scheme: light dark; --bg: #f4f4f5; --card: #ffffff; --text: #27272a; --muted: #52525b; --accent: #16a34a; --focus: #2563eb; }
@media (prefers-color-scheme: dark) { :root { --bg: #18181b; --card: #27272a; --text: #f4f4f5; --muted: #a1a1aa; --accent: #22c55e; --focus: #60a5fa; } }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg); color: var(--text); font: 15px/1.5 system-ui, sans-serif; }
main { max-width: 28rem; margin: 1.5rem; padding: 2rem; background: var(--card); border-radius: 10px; }
h1 { font-size: 1.3rem; margin: 0 0 .75rem; }
p { margin: 0 0 1rem; color: var(--muted); }
button { font: inherit; padding: .6rem 1.2rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

/** A forged, garbled or outdated link: said plainly, and never a redirect. */
export const invalidLinkPage = page('This link does not work', '<p>It may have been copied incompletely. Please use the link exactly as it is in the email.</p>');

export const unavailableEmailPage = page('This email is not available', '<p>It can no longer be shown in the browser.</p>');

/** Asks first: mail scanners open links (GET) to check them, and must not unsubscribe anyone. */
export const confirmUnsubscribePage = page(
  'Unsubscribe from our emails?',
  '<p>You will no longer get marketing emails from us. Emails about your orders still arrive.</p><form method="post"><button type="submit">Unsubscribe</button></form>',
);

export function unsubscribedPage(test: boolean): string {
  if (test) return page('This was a test email', '<p>Nothing has changed: test emails are not sent to real customers.</p>');
  return page('You are unsubscribed', '<p>You will not get marketing emails from us any more. Emails about your orders still arrive.</p>');
}
