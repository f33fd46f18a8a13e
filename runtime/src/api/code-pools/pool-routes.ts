import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { listPools, poolStats, savePool } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import type { ApiRouteDeps } from '../routes';
import { poolNameParams, poolSettingsSchema, poolStatsSchema } from './schemas';

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

export const savePoolRoute = createRoute({
  method: 'put',
  path: '/{name}',
  tags: ['code pools'],
  summary: "Create a pool or change its description and low-stock alert (fields left out stay as they are)",
  request: { params: poolNameParams, body: { required: true, content: { 'application/json': { schema: poolSettingsSchema } } } },
  responses: {
    200: { description: 'The pool as it is now', content: { 'application/json': { schema: poolStatsSchema } } },
    400: errorResponse('A bad name, threshold or address; details name each'),
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

export function savePoolHandler(deps: CodePoolRouteDeps): RouteHandler<typeof savePoolRoute> {
  return async (c) => {
    const { name } = c.req.valid('param');
    const settings = c.req.valid('json');
    await savePool(deps.sql, name, {
      ...(settings.description !== undefined ? { description: settings.description === '' ? null : settings.description } : {}),
      ...(settings.lowThreshold !== undefined ? { lowThreshold: settings.lowThreshold } : {}),
      ...(settings.alertEmail !== undefined ? { alertEmail: settings.alertEmail } : {}),
    });
    const stats = await poolStats(deps.sql, name);
    if (!stats) throw new Error(`code pool ${name} vanished right after it was saved`);
    return c.json(stats, 200);
  };
}
