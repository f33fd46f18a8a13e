import { z } from '@hono/zod-openapi';

export const messageChannelSchema = z.enum(['email', 'sms', 'webhook', 'internal']);
export const messageStatusSchema = z.enum(['queued', 'sent', 'delivered', 'failed', 'bounced', 'skipped']);

export const messageSchema = z
  .object({
    id: z.string(),
    idempotencyKey: z.string().openapi({ description: 'One message per key, however often the send is retried' }),
    runId: z.string().optional(),
    flowId: z.string().optional(),
    nodeId: z.string().optional(),
    contactId: z.string(),
    channel: messageChannelSchema,
    marketing: z.boolean().openapi({ description: 'Marketing messages obey consent, send windows and frequency caps' }),
    to: z.string().optional(),
    subject: z.string().optional(),
    body: z.string().optional().openapi({ description: 'The rendered content as sent' }),
    status: messageStatusSchema,
    reason: z.string().optional().openapi({ description: 'Why it failed or was skipped' }),
    provider: z.string().optional(),
    providerId: z.string().optional(),
    test: z.boolean(),
    createdAt: z.string(),
    sentAt: z.string().optional(),
  })
  .openapi('Message');
