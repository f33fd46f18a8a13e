import { createRouter } from '../router';
import { listMessagesHandler, listMessagesRoute, type MessageRouteDeps } from './list-messages';

export type { MessageRouteDeps } from './list-messages';

/** /api/messages: every email, SMS and webhook with its status (admin). */
export function messageRoutes(deps: MessageRouteDeps) {
  return createRouter().openapi(listMessagesRoute, listMessagesHandler(deps));
}
