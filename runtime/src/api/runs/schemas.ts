import { z } from '@hono/zod-openapi';
import { messageSchema } from '../messages/schemas';
import { pageQuerySchema } from '../pagination';

export const runStatusSchema = z.enum(['running', 'waiting', 'done']);

export const runIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });

export const runSchema = z
  .object({
    id: z.string(),
    flowId: z.string(),
    flowVersion: z.number().int(),
    contactId: z.string(),
    orderId: z.string().optional().openapi({ description: 'Set for flows that run per order' }),
    workflowId: z.string(),
    status: runStatusSchema,
    nodeId: z.string().optional().openapi({ description: 'Where the run is now, or where it ended' }),
    startedAt: z.string(),
    endedAt: z.string().optional(),
    endReason: z.enum(['completed', 'exited', 'goal', 'failed', 'cancelled']).optional(),
    endDetail: z.string().optional(),
    triggerEventId: z.string().optional(),
    test: z.boolean(),
    stepCount: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('Run');

export const stepSchema = z
  .object({
    at: z.string(),
    nodeId: z.string(),
    type: z.string(),
    visit: z.number().int().openapi({ description: 'How many times the run has entered this node (loops)' }),
    outcome: z.string().openapi({ description: 'The output taken ("yes", "timeout") or what happened ("sent", "skipped", "waiting")' }),
    detail: z.string().optional().openapi({ description: 'Why, e.g. "no SMS consent" or "order.paid arrived"' }),
  })
  .openapi('Step');

export const runDetailSchema = runSchema
  .extend({
    steps: z.array(stepSchema).openapi({ description: 'Every node the run entered, in order, with its outcome and why' }),
    messages: z.array(messageSchema).openapi({ description: 'What the run sent or skipped, oldest first' }),
  })
  .openapi('RunDetail');

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listRunsQuery = pageQuerySchema.extend({
  flowId: z.string().min(1).optional(),
  status: runStatusSchema.optional(),
  nodeId: z.string().min(1).optional().openapi({ description: 'Runs at this node now (or that ended there)' }),
  contactId: z.string().min(1).optional(),
  test: booleanQuery.optional().openapi({ description: 'Test runs (true) instead of real ones (false, the default)' }),
});
