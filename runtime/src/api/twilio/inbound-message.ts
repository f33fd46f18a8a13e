import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { inTransaction, suppress, unsuppress } from '../../db';
import { errorResponse } from '../error-responses';
import { contactIdsByPhone } from './contacts-by-phone';
import type { TwilioRouteDeps } from './deps';
import { optOutRequest } from './opt-out';
import { signedTwilioForm } from './signature';

const inboundFields = z.object({
  From: z.string().min(1),
  Body: z.string().default(''),
  OptOutType: z.string().optional(),
});

/** An empty TwiML answer: no reply from us (Twilio sends its own opt-out confirmation). */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export const inboundMessageRoute = createRoute({
  method: 'post',
  path: '/inbound',
  tags: ['twilio'],
  summary: 'SMS replies from contacts (the messaging webhook of the Twilio number)',
  description:
    'Form-encoded and signed, like the status callback. A reply of STOP, STOPALL, UNSUBSCRIBE, CANCEL, END or QUIT ' +
    '(any case) suppresses SMS at once for every contact with that number; START, UNSTOP or YES lifts it. Other ' +
    'replies, and numbers no contact has, change nothing. Answers empty TwiML.',
  security: [],
  responses: {
    200: { description: 'Handled; empty TwiML', content: { 'text/xml': { schema: z.string() } } },
    400: errorResponse('From is missing'),
    403: errorResponse('Not signed by Twilio with our auth token, or TWILIO_AUTH_TOKEN is not set'),
  },
});

export function inboundMessageHandler(deps: TwilioRouteDeps): RouteHandler<typeof inboundMessageRoute> {
  return async (c) => {
    const fields = await signedTwilioForm(c, deps, inboundFields);
    const request = optOutRequest(fields.Body, fields.OptOutType);
    if (request) {
      const contactIds = await contactIdsByPhone(deps.sql, fields.From, deps.messaging.defaultPhoneCountry);
      await inTransaction(deps.sql, async (tx) => {
        for (const contactId of contactIds) {
          if (request.action === 'stop') await suppress(tx, { contactId, channel: 'sms', reason: `unsubscribed (SMS reply "${request.keyword}")` });
          else await unsuppress(tx, contactId, 'sms');
        }
      });
    }
    return c.body(EMPTY_TWIML, 200, { 'content-type': 'text/xml; charset=utf-8' });
  };
}
