/**
 * Whether a followed tracking link (the open pixel, a tracked click) was a person or a machine.
 * Mail systems follow links without anyone reading: security gateways click every link of
 * incoming mail to check it, programs and headless browsers fetch URLs, chat apps fetch link
 * previews, and Apple Mail Privacy Protection loads every image when the mail arrives. Those must
 * not count as engagement. Pure: decided from the request and the time since sending only.
 */

export interface TrackedHit {
  kind: 'open' | 'click';
  /** The HTTP method, as received ('GET', 'HEAD'). */
  method: string;
  userAgent: string | undefined;
  /** Milliseconds from sending the message to this hit (negative: before); undefined when unknown. */
  sinceSentMs: number | undefined;
}

export type HitVerdict = { record: 'human' } | { record: 'machine'; reason: string } | { record: 'nothing'; reason: string };

/*
 * "Sent" is when our mail server accepted the message. Gateways scan it on its way into the
 * mailbox, within seconds; a person has to notice the email, open it and read before clicking,
 * which hardly ever takes under 10 s, while the clicks that do come fast (a "confirm your email"
 * the customer is waiting for) come after 10-30 s: a longer window would take those from them.
 * Opening needs no reading, only the mail on screen: within 2 s of sending it cannot have been.
 */
export const CLICK_WINDOW_MS = 10_000;
export const OPEN_WINDOW_MS = 2_000;

/** Image proxies that fetch the pixel when the customer opens the email (Gmail, Yahoo Mail). */
const OPENING_PROXIES = /GoogleImageProxy|YahooMailProxy/i;

/** User agents of machines; the matched text is named in the reason. */
const MACHINES: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /mimecast|proofpoint|barracuda|symantec|trend ?micro|forcepoint|sophos|fireeye|ironport|safe ?links/i, what: 'link scanner' },
  { pattern: /Microsoft Office (?:Existence|Protocol) Discovery/i, what: 'Office checking the link before opening a browser' },
  {
    pattern: /\bcurl\b|\bwget\b|python-requests|python-urllib|aiohttp|go-http-client|\bjava\/|apache-httpclient|okhttp|node-fetch|axios|undici|^node$|libwww-perl|httpie|postmanruntime|scrapy/i,
    what: 'HTTP client',
  },
  { pattern: /headlesschrome|phantomjs/i, what: 'headless browser' },
  { pattern: /googlebot|bingbot|applebot|slackbot|twitterbot|discordbot|linkedinbot|telegrambot|facebookexternalhit|whatsapp|skypeuripreview|crawler|spider/i, what: 'robot or link preview' },
];

/** Apple Mail Privacy Protection fetches images with this user agent and nothing more; browsers always say more. */
const BARE_MOZILLA = /^Mozilla\/5\.0$/;

export function classifyHit(hit: TrackedHit): HitVerdict {
  // Checks whether the link works; nothing is opened, the browser's GET (if any) follows.
  if (hit.method.toUpperCase() === 'HEAD') return { record: 'nothing', reason: 'HEAD request' };
  const agent = hit.userAgent?.trim() ?? '';
  if (agent === '') return { record: 'machine', reason: 'no user agent' };
  if (hit.kind === 'open' && OPENING_PROXIES.test(agent)) return { record: 'human' };
  for (const { pattern, what } of MACHINES) {
    const match = pattern.exec(agent);
    if (match) return { record: 'machine', reason: `${what} (${match[0]})` };
  }
  if (BARE_MOZILLA.test(agent)) return { record: 'machine', reason: hit.kind === 'open' ? 'Apple Mail Privacy Protection prefetch' : 'user agent names no browser' };
  const windowMs = hit.kind === 'click' ? CLICK_WINDOW_MS : OPEN_WINDOW_MS;
  if (hit.sinceSentMs !== undefined && hit.sinceSentMs < windowMs) {
    return { record: 'machine', reason: `${hit.kind === 'click' ? 'clicked' : 'opened'} within ${windowMs / 1000} s of sending` };
  }
  return { record: 'human' };
}
