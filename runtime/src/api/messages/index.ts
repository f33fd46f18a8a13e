import { createRouter } from '../router';
import { listMessagesHandler, listMessagesRoute, type MessageRouteDeps } from './list-messages';
import { messageHtmlHandler, messageHtmlRoute } from './message-html';

export type { MessageRouteDeps } from './list-messages';

/** /api/messages: every email, SMS and webhook with its status, and an email's HTML (admin). */
export function messageRoutes(deps: MessageRouteDeps) {
  return createRouter().openapi(listMessagesRoute, listMessagesHandler(deps)).openapi(messageHtmlRoute, messageHtmlHandler(deps));
}
