import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { listRuns, type Db, type RunFilter, type RunRecord } from '../../db';
import { errorResponse } from '../error-responses';
import { decodeCursor, pageSchema, toApiPage, type Page } from '../pagination';
import type { RunRouteDeps } from './deps';
import { listRunsQuery, runSchema } from './schemas';

export const listRunsRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['runs'],
  summary: 'Runs, newest first: who is in which flow, at which node',
  request: { query: listRunsQuery },
  responses: {
    200: { description: 'One page of runs', content: { 'application/json': { schema: pageSchema(runSchema) } } },
    400: errorResponse('A bad filter, limit or cursor'),
  },
});

/** One page of runs; also the first page a contact's detail shows. */
export async function runPage(db: Db, filter: Omit<RunFilter, 'limit' | 'before'>, limit: number, cursor?: string): Promise<Page<RunRecord>> {
  const before = decodeCursor(cursor);
  return toApiPage(await listRuns(db, { ...filter, limit, ...(before ? { before } : {}) }));
}

export function listRunsHandler(deps: RunRouteDeps): RouteHandler<typeof listRunsRoute> {
  return async (c) => {
    const { limit, cursor, test = false, ...filter } = c.req.valid('query');
    return c.json(await runPage(deps.sql, { ...filter, test }, limit, cursor), 200);
  };
}
