import type { ApiClient } from '../../api/client';

export type MessageChannel = 'email' | 'sms' | 'webhook' | 'internal';
export const messageChannels: readonly MessageChannel[] = ['email', 'sms', 'webhook', 'internal'];

/** One entry of GET /api/messages (the runtime's Message schema). */
export interface MessageItem {
  id: string;
  idempotencyKey: string;
  runId?: string;
  flowId?: string;
  nodeId?: string;
  contactId: string;
  channel: MessageChannel;
  marketing: boolean;
  to?: string;
  subject?: string;
  /** As sent: an SMS's text, a webhook's body, an email's personalized MJML. */
  body?: string;
  status: 'queued' | 'sent' | 'delivered' | 'failed' | 'bounced' | 'skipped';
  reason?: string;
  provider?: string;
  providerId?: string;
  test: boolean;
  createdAt: string;
  sentAt?: string;
}

export interface MessagePage {
  items: MessageItem[];
  nextCursor?: string;
}

export interface MessageFilter {
  channel?: MessageChannel;
  flowId?: string;
}

export const MESSAGES_PAGE_SIZE = 50;

/** The list's query string: the filters set, the page size, and where the previous page ended. */
export function messagesQuery(filter: MessageFilter, cursor?: string): string {
  const params = new URLSearchParams({ limit: String(MESSAGES_PAGE_SIZE) });
  if (filter.channel) params.set('channel', filter.channel);
  if (filter.flowId) params.set('flowId', filter.flowId);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export function listMessages(api: ApiClient, filter: MessageFilter, cursor?: string): Promise<MessagePage> {
  return api.call<MessagePage>('GET', `/api/messages?${messagesQuery(filter, cursor)}`);
}

/** An email rendered from its stored MJML, without tracking. */
export function messageHtml(api: ApiClient, id: string): Promise<{ html: string }> {
  return api.call<{ html: string }>('GET', `/api/messages/${encodeURIComponent(id)}/html`);
}
