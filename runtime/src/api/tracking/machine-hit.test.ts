import { describe, expect, it } from 'vitest';
import { classifyHit, type TrackedHit } from './machine-hit';

const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE_MAIL = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
const OUTLOOK = 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)';
const GMAIL_PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const YAHOO_PROXY = 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html';
const HOUR = 3_600_000;

const hit = (change: Partial<TrackedHit> = {}): TrackedHit => ({ kind: 'click', method: 'GET', userAgent: CHROME, sinceSentMs: HOUR, ...change });

describe('classifyHit', () => {
  it('takes a browser or mail client well after sending for a person', () => {
    expect(classifyHit(hit())).toEqual({ record: 'human' });
    expect(classifyHit(hit({ kind: 'open', userAgent: IPHONE_MAIL }))).toEqual({ record: 'human' });
    expect(classifyHit(hit({ kind: 'open', userAgent: OUTLOOK }))).toEqual({ record: 'human' });
    expect(classifyHit(hit({ sinceSentMs: undefined }))).toEqual({ record: 'human' });
  });

  it('records nothing for HEAD, whoever asks', () => {
    expect(classifyHit(hit({ method: 'HEAD' }))).toEqual({ record: 'nothing', reason: 'HEAD request' });
    expect(classifyHit(hit({ kind: 'open', method: 'head', userAgent: GMAIL_PROXY }))).toEqual({ record: 'nothing', reason: 'HEAD request' });
  });

  it('takes a click within 10 s of sending for a scanner, whatever browser it claims to be', () => {
    expect(classifyHit(hit({ sinceSentMs: 800 }))).toEqual({ record: 'machine', reason: 'clicked within 10 s of sending' });
    expect(classifyHit(hit({ sinceSentMs: 9_999 }))).toEqual({ record: 'machine', reason: 'clicked within 10 s of sending' });
    expect(classifyHit(hit({ sinceSentMs: -500 }))).toEqual({ record: 'machine', reason: 'clicked within 10 s of sending' });
    expect(classifyHit(hit({ sinceSentMs: 10_000 }))).toEqual({ record: 'human' });
  });

  it('takes an open within 2 s of sending for a machine; later ones count', () => {
    expect(classifyHit(hit({ kind: 'open', sinceSentMs: 1_500 }))).toEqual({ record: 'machine', reason: 'opened within 2 s of sending' });
    expect(classifyHit(hit({ kind: 'open', sinceSentMs: 2_000 }))).toEqual({ record: 'human' });
  });

  it.each([
    ['Mimecast', 'Mozilla/5.0 (compatible; Mimecast URL Protect)', 'link scanner (Mimecast)'],
    ['Proofpoint', 'Proofpoint URL Defense', 'link scanner (Proofpoint)'],
    ['Barracuda', 'Mozilla/5.0 (compatible; Barracuda Sentinel)', 'link scanner (Barracuda)'],
    ['Symantec', 'Symantec Email Security.cloud', 'link scanner (Symantec)'],
    ['Office', 'Microsoft Office Existence Discovery', 'Office checking the link before opening a browser (Microsoft Office Existence Discovery)'],
    ['curl', 'curl/8.5.0', 'HTTP client (curl)'],
    ['python-requests', 'python-requests/2.32.3', 'HTTP client (python-requests)'],
    ['Go', 'Go-http-client/1.1', 'HTTP client (Go-http-client)'],
    ['Node’s fetch', 'node', 'HTTP client (node)'],
    ['headless Chrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'headless browser (HeadlessChrome)'],
    ['a link preview', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'robot or link preview (Slackbot)'],
  ])('names %s by its user agent, even long after sending', (_, userAgent, reason) => {
    expect(classifyHit(hit({ userAgent }))).toEqual({ record: 'machine', reason });
    expect(classifyHit(hit({ kind: 'open', userAgent }))).toEqual({ record: 'machine', reason });
  });

  it('takes a missing user agent for a machine', () => {
    expect(classifyHit(hit({ userAgent: undefined }))).toEqual({ record: 'machine', reason: 'no user agent' });
    expect(classifyHit(hit({ kind: 'open', userAgent: '  ' }))).toEqual({ record: 'machine', reason: 'no user agent' });
  });

  it('takes Apple Mail Privacy Protection’s bare "Mozilla/5.0" for a prefetch', () => {
    expect(classifyHit(hit({ kind: 'open', userAgent: 'Mozilla/5.0' }))).toEqual({ record: 'machine', reason: 'Apple Mail Privacy Protection prefetch' });
    expect(classifyHit(hit({ userAgent: 'Mozilla/5.0' }))).toEqual({ record: 'machine', reason: 'user agent names no browser' });
  });

  it('counts Gmail’s and Yahoo’s image proxies as the customer’s opens, at any time', () => {
    expect(classifyHit(hit({ kind: 'open', userAgent: GMAIL_PROXY, sinceSentMs: HOUR }))).toEqual({ record: 'human' });
    expect(classifyHit(hit({ kind: 'open', userAgent: GMAIL_PROXY, sinceSentMs: 500 }))).toEqual({ record: 'human' });
    expect(classifyHit(hit({ kind: 'open', userAgent: YAHOO_PROXY }))).toEqual({ record: 'human' });
  });
});
