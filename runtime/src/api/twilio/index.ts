import { createRouter } from '../router';
import type { TwilioRouteDeps } from './deps';
import { inboundMessageHandler, inboundMessageRoute } from './inbound-message';
import { statusCallbackHandler, statusCallbackRoute } from './status-callback';

export type { TwilioRouteDeps } from './deps';

/** /api/twilio: Twilio's callbacks, open to anyone but checked by their signature. */
export function twilioRoutes(deps: TwilioRouteDeps) {
  return createRouter().openapi(statusCallbackRoute, statusCallbackHandler(deps)).openapi(inboundMessageRoute, inboundMessageHandler(deps));
}
