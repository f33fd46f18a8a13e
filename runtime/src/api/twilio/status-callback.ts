import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { recordDeliveryReport, type DeliveryReport } from '../../db';
import { errorResponse } from '../error-responses';
import type { TwilioRouteDeps } from './deps';
import { signedTwilioForm } from './signature';

const statusFields = z.object({
  MessageSid: z.string().min(1),
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().optional(),
});

export const statusCallbackRoute = createRoute({
  method: 'post',
  path: '/status',
  tags: ['twilio'],
  summary: 'Delivery reports from Twilio (the status callback of every SMS)',
  description:
    'Form-encoded, as Twilio sends it, and signed (X-Twilio-Signature, checked with TWILIO_AUTH_TOKEN against ' +
    'NUDGEFLOW_PUBLIC_URL + /api/twilio/status). `delivered` marks the message delivered; `undelivered` and `failed` ' +
    'mark it bounced with Twilio’s error code as the reason. Other statuses change nothing, and a delivered message ' +
    'never moves back, whatever order the reports come in.',
  security: [],
  responses: {
    204: { description: 'Recorded (or nothing to record)' },
    400: errorResponse('MessageSid or MessageStatus is missing'),
    403: errorResponse('Not signed by Twilio with our auth token, or TWILIO_AUTH_TOKEN is not set'),
  },
});

/** What a Twilio message status means for our message row; undefined: nothing final yet. */
export function deliveryReportOf(status: string, errorCode: string | undefined): DeliveryReport | undefined {
  switch (status) {
    case 'delivered':
    case 'read':
      return { status: 'delivered' };
    case 'undelivered':
    case 'failed':
      return { status: 'bounced', reason: errorCode ? `${status} (Twilio error ${errorCode})` : status };
    default:
      return undefined;
  }
}

export function statusCallbackHandler(deps: TwilioRouteDeps): RouteHandler<typeof statusCallbackRoute> {
  return async (c) => {
    const fields = await signedTwilioForm(c, deps, statusFields);
    const report = deliveryReportOf(fields.MessageStatus, fields.ErrorCode);
    // Reports that change nothing (an unknown SID, one that would move a message back) are
    // answered all the same: Twilio cannot do anything better with them. Final statuses come
    // seconds after the send, long after its outcome (and the SID) was recorded.
    if (report) await recordDeliveryReport(deps.sql, 'twilio', fields.MessageSid, report);
    return c.body(null, 204);
  };
}
