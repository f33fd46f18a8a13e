import { z } from '@hono/zod-openapi';

// The request and response shapes are the API contract in @nudgeflow/shared/api.
export {
  flowTestRunRequestSchema,
  graphTestRunRequestSchema,
  testRunEventAcceptedSchema,
  testRunEventRequestSchema,
  testRunSchema,
} from '@nudgeflow/shared/api';

export const testRunIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'trun_Qw3rTy8uIo1pAs2dFg' }) });
export const flowIdParams = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'flow_4fQxYb2kPq9sLm3n' }) });
