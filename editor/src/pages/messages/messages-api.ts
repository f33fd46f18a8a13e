import type { Message, MessageChannel, MessageHtml, MessagePage } from '@nudgeflow/shared/api';
import type { ApiClient } from '../../api/client';

export type { MessageChannel } from '@nudgeflow/shared/api';

/** One entry of GET /api/messages. */
export type MessageItem = Message;

/** The channels in the order the filter offers them. Listed here: importing the shared list would bundle the API's schemas. */
export const messageChannels = ['email', 'sms', 'webhook', 'internal'] as const satisfies readonly MessageChannel[];

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
export function messageHtml(api: ApiClient, id: string): Promise<MessageHtml> {
  return api.call<MessageHtml>('GET', `/api/messages/${encodeURIComponent(id)}/html`);
}
