import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { importCodes, listPools, poolStats } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { ApiRouteDeps } from '../routes';
import { importCodesBodySchema, importResultSchema, poolNameParams, poolStatsSchema } from './schemas';

export type CodePoolRouteDeps = Pick<ApiRouteDeps, 'sql'>;

export const listPoolsRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['code pools'],
  summary: 'Discount code pools with how many codes are left',
  responses: { 200: { description: 'Every pool, by name', content: { 'application/json': { schema: z.array(poolStatsSchema) } } } },
});

export const getPoolRoute = createRoute({
  method: 'get',
  path: '/{name}',
  tags: ['code pools'],
  summary: "One pool's stats",
  request: { params: poolNameParams },
  responses: {
    200: { description: 'The pool', content: { 'application/json': { schema: poolStatsSchema } } },
    404: errorResponse('No such pool'),
  },
});

export const importCodesRoute = createRoute({
  method: 'post',
  path: '/{name}/codes',
  tags: ['code pools'],
  summary: 'Import codes into a pool (created if it does not exist)',
  request: { params: poolNameParams, body: { required: true, content: { 'application/json': { schema: importCodesBodySchema } } } },
  responses: {
    201: { description: 'Imported', content: { 'application/json': { schema: importResultSchema } } },
    400: errorResponse('No codes, too many, or an empty one; details name each'),
  },
});

export function listPoolsHandler(deps: CodePoolRouteDeps): RouteHandler<typeof listPoolsRoute> {
  return async (c) => c.json(await listPools(deps.sql), 200);
}

export function getPoolHandler(deps: CodePoolRouteDeps): RouteHandler<typeof getPoolRoute> {
  return async (c) => {
    const { name } = c.req.valid('param');
    const stats = await poolStats(deps.sql, name);
    if (!stats) throw ApiError.notFound('code pool', name);
    return c.json(stats, 200);
  };
}

export function importCodesHandler(deps: CodePoolRouteDeps): RouteHandler<typeof importCodesRoute> {
  return async (c) => {
    const { name } = c.req.valid('param');
    const { codes, test } = c.req.valid('json');
    const { added, skipped } = await importCodes(deps.sql, name, codes, { test });
    const pool = await poolStats(deps.sql, name);
    if (!pool) throw new Error(`code pool ${name} vanished right after its import`);
    return c.json({ added, skipped, pool }, 201);
  };
}
