import { createRoute, z, type RouteHandler } from '@hono/zod-openapi';
import { templateCategories, templates } from '@nudgeflow/shared/templates';
import { createRouter } from '../router';
import { flowGraphComponent } from '../shared-schemas';

const templateSchema = z
  .object({
    slug: z.string().openapi({ example: 'abandoned-cart' }),
    name: z.string(),
    description: z.string(),
    category: z.enum(templateCategories),
    graph: flowGraphComponent,
  })
  .openapi('FlowTemplate');

export const listTemplatesRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['templates'],
  summary: 'The ready flows the editor offers to start from',
  responses: {
    200: { description: 'Every template, most requested first', content: { 'application/json': { schema: z.array(templateSchema) } } },
  },
});

/** Built once: templates ship with the code and never change while the server runs. */
const body = templates.map(({ slug, name, description, category, graph }) => ({ slug, name, description, category, graph }));

const listTemplatesHandler: RouteHandler<typeof listTemplatesRoute> = (c) => c.json(body, 200);

/** /api/templates: the template library (admin). */
export function templateRoutes() {
  return createRouter().openapi(listTemplatesRoute, listTemplatesHandler);
}
