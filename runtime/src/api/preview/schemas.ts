import { z } from '@hono/zod-openapi';

const sampleSchema = z
  .object({
    contact: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Contact fields laid over the sample customer (Jana Nováková)' }),
    order: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Order fields laid over the sample e-book order' }),
    codes: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'Codes by pool, as `{{ codes.<pool> }}` shows them (laid over the sample discount code)', example: { ebook_licence: 'EBK-7Q4M-22XD' } }),
  })
  .openapi({ description: 'Data to render with instead of parts of the built-in sample' });

export const emailPreviewRequestSchema = z
  .object({
    subject: z.string().optional().openapi({ description: 'Liquid', example: 'Hi {{ contact.firstName }}' }),
    body: z.string().openapi({ description: 'MJML with Liquid inside', example: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ contact.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>' }),
    sample: sampleSchema.optional(),
  })
  .openapi('EmailPreviewRequest');

export const emailPreviewSchema = z
  .object({
    subject: z.string().openapi({ description: 'The rendered subject; empty when none was given or it has errors' }),
    html: z.string().openapi({ description: 'The email as HTML; empty when the body could not be rendered (see errors)' }),
    text: z.string().optional().openapi({ description: 'The plain-text version' }),
    errors: z
      .array(
        z.object({
          field: z.enum(['subject', 'body']),
          line: z.number().int().optional().openapi({ description: '1-based line in that field, when known' }),
          message: z.string(),
        }),
      )
      .openapi({ description: 'Liquid and MJML problems; a preview may render despite some of them' }),
  })
  .openapi('EmailPreview');
