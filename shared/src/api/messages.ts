import { z } from 'zod';
import { pageSchema, type Page } from './pagination';

export const messageChannels = ['email', 'sms', 'webhook', 'internal'] as const;
export const messageChannelSchema = z.enum(messageChannels);
export type MessageChannel = z.infer<typeof messageChannelSchema>;

export const messageStatusSchema = z.enum(['queued', 'sent', 'delivered', 'failed', 'bounced', 'skipped']);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** One message of GET /api/messages (and of a run's detail). */
export const messageSchema = z
  .object({
    id: z.string(),
    idempotencyKey: z.string().meta({ description: 'One message per key, however often the send is retried' }),
    runId: z.string().optional(),
    flowId: z.string().optional(),
    nodeId: z.string().optional(),
    contactId: z.string(),
    channel: messageChannelSchema,
    marketing: z.boolean().meta({ description: 'Marketing messages obey consent, send windows and frequency caps' }),
    /** Email address, phone number, URL or staff address. */
    to: z.string().optional(),
    subject: z.string().optional(),
    /** An SMS's text, a webhook's body, an email's personalized MJML. */
    body: z.string().optional().meta({ description: 'The rendered content as sent' }),
    status: messageStatusSchema,
    reason: z.string().optional().meta({ description: 'Why it failed or was skipped' }),
    provider: z.string().optional(),
    providerId: z.string().optional(),
    test: z.boolean(),
    createdAt: z.string(),
    sentAt: z.string().optional(),
  })
  .meta({ id: 'Message' });

export type Message = z.infer<typeof messageSchema>;

export const messagePageSchema = pageSchema(messageSchema);
export type MessagePage = Page<Message>;

/** GET /api/messages/{id}/html. */
export const messageHtmlSchema = z
  .object({
    html: z.string().meta({ description: 'The email as HTML, rendered from the stored (personalized) MJML; links are not rewritten for tracking' }),
  })
  .meta({ id: 'MessageHtml' });
export type MessageHtml = z.infer<typeof messageHtmlSchema>;
