import { swaggerUI } from '@hono/swagger-ui';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { NodeRegistry } from '@nudgeflow/shared';
import type { MiddlewareHandler } from 'hono';
import type { Credentials } from '../config';
import { noPlugins, type LoadedPlugins } from '../plugins/loaded-plugins';
import { requireAdmin, requireApiKey } from './auth';
import { errorBody, handleError } from './errors';
import { healthRoutes, type HealthChecks } from './health/health';
import { nodeTypeRoutes } from './node-types/node-types';
import { pluginRoutes } from './plugins/plugins';

export interface ApiDeps {
  credentials: Credentials;
  registry: NodeRegistry;
  /** Custom node types this process loaded (their registry is `registry`); unset: none. */
  plugins?: LoadedPlugins;
  health: HealthChecks;
}

/** Who may call a route group: the admin token, the shop's ingestion key, or anyone. */
export type RouteAuth = 'admin' | 'apiKey' | 'none';

/** Route groups mounted under /api, each behind its own auth. */
export interface RouteGroup {
  path: string;
  routes: OpenAPIHono;
  auth: RouteAuth;
}

function guardFor(auth: RouteAuth, credentials: Credentials): MiddlewareHandler | undefined {
  switch (auth) {
    case 'admin':
      return requireAdmin(credentials.adminToken);
    case 'apiKey':
      return requireApiKey(credentials.apiKey);
    case 'none':
      return undefined;
    default: {
      const unknown: never = auth;
      throw new Error(`unknown route auth ${String(unknown)}`);
    }
  }
}

/**
 * The whole HTTP API. Route groups come in as a list so that the API can be assembled from its
 * parts (tests mount only what they exercise) and every group gets the same auth and errors.
 */
export function createApp(deps: ApiDeps, groups: RouteGroup[] = []): OpenAPIHono {
  const app = new OpenAPIHono();
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404));

  const all: RouteGroup[] = [
    { path: '/api/health', routes: healthRoutes(deps.health), auth: 'none' },
    { path: '/api/node-types', routes: nodeTypeRoutes(deps.registry, deps.plugins ?? noPlugins), auth: 'admin' },
    { path: '/api/plugins', routes: pluginRoutes(deps.plugins ?? noPlugins), auth: 'admin' },
    ...groups,
  ];
  for (const group of all) {
    const guard = guardFor(group.auth, deps.credentials);
    if (guard) {
      app.use(group.path, guard);
      app.use(`${group.path}/*`, guard);
    }
    app.route(group.path, group.routes);
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', { type: 'http', scheme: 'bearer', description: 'NUDGEFLOW_ADMIN_TOKEN' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'NUDGEFLOW_API_KEY' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Nudgeflow API', version: '1', description: 'Flows, runs, messages and event ingestion. Errors are `{ error: { code, message, details? } }`.' },
    security: [{ adminToken: [] }],
  });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json' }));
  return app;
}
