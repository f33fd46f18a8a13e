import type { MessagingSettings } from '../channels/settings';
import { signLink, type LinkKind } from './link-token';

/** Where each kind of link is answered (api/tracking). */
export const linkPaths = {
  open: '/api/t/o/',
  click: '/api/t/c/',
  unsubscribe: '/api/unsubscribe/',
  view: '/api/view/',
} as const satisfies Record<LinkKind, string>;

/** The signed links of one message. */
export interface TrackingLinks {
  /** The open pixel's address. */
  open: string;
  unsubscribe: string;
  viewInBrowser: string;
  /** A click link that leads to `url`. */
  click(url: string): string;
  /** True for links this server answers itself (unsubscribe, view...): they are not wrapped in click tracking. */
  isOwn(url: string): boolean;
}

/**
 * The links of the message with this idempotency key. The key, not the message row's id, names
 * the message: links are written into the email when it is rendered, which happens before the
 * row exists (deliverMessage inserts it only once prepare() has rendered the content) and again
 * on every retry. The key is the same on each attempt and unique among messages, so every
 * rendering carries the same links and the routes find the row by it.
 */
export function trackingLinks(messaging: Pick<MessagingSettings, 'publicUrl' | 'linkSecret'>, messageKey: string): TrackingLinks {
  const { publicUrl, linkSecret } = messaging;
  const own = `${publicUrl}/api/`;
  const link = (kind: Exclude<LinkKind, 'click'>) => `${publicUrl}${linkPaths[kind]}${signLink(linkSecret, { kind, message: messageKey })}`;
  return {
    open: link('open'),
    unsubscribe: link('unsubscribe'),
    viewInBrowser: link('view'),
    click: (url) => `${publicUrl}${linkPaths.click}${signLink(linkSecret, { kind: 'click', message: messageKey, url })}`,
    isOwn: (url) => url.startsWith(own),
  };
}
