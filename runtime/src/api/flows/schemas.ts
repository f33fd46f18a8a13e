import { z } from '@hono/zod-openapi';

// The request and response shapes are the API contract in @nudgeflow/shared/api.
export {
  flowBodySchema,
  flowDetailSchema,
  flowStatusSchema,
  flowSummarySchema,
  flowVersionSchema,
  flowVersionSummarySchema,
  publishedVersionSchema,
} from '@nudgeflow/shared/api';

export const flowIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'flow_4fQxYb2kPq9sLm3n' }) });
