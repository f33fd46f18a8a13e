import { createRoute, z } from '@hono/zod-openapi';
import type { LoadedPlugins } from '../../plugins/loaded-plugins';
import { createRouter } from '../router';

const reportSchema = z
  .object({
    plugins: z.array(z.object({ source: z.string().openapi({ description: 'A file in the plugins folder, or an npm package' }), types: z.array(z.string()) })),
    problems: z.array(
      z.object({
        source: z.string(),
        type: z.string().optional().openapi({ description: 'The node type, when the problem is with one plugin rather than the whole file' }),
        message: z.string(),
      }),
    ),
  })
  .openapi('Plugins');

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['node types'],
  summary: 'The custom node types this API process loaded, and why others did not load',
  description:
    'Plugins come from NUDGEFLOW_PLUGINS_DIR (default "plugins") and the npm packages in NUDGEFLOW_PLUGINS, read at start. ' +
    'A plugin that failed to load is listed under problems, and the others work. Workers load their own copy from their own environment.',
  responses: { 200: { description: 'Loaded plugins by source, and the problems', content: { 'application/json': { schema: reportSchema } } } },
});

/** GET /api/plugins: fixed for the life of the process, like the node catalog. */
export function pluginRoutes(plugins: LoadedPlugins) {
  const body = plugins.report();
  return createRouter().openapi(route, (c) => c.json(body, 200));
}
