import { createRouter } from '../router';
import { contactEventsHandler, contactEventsRoute } from './contact-events';
import type { ContactRouteDeps } from './deps';
import { getContactHandler, getContactRoute } from './get-contact';
import { listContactsHandler, listContactsRoute } from './list-contacts';

export type { ContactRouteDeps } from './deps';

/** /api/contacts: search, and everything known about one contact (admin). */
export function contactRoutes(deps: ContactRouteDeps) {
  return createRouter()
    .openapi(listContactsRoute, listContactsHandler(deps))
    .openapi(getContactRoute, getContactHandler(deps))
    .openapi(contactEventsRoute, contactEventsHandler(deps));
}
