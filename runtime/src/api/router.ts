import { OpenAPIHono } from '@hono/zod-openapi';
import { validationError } from './errors';

/** Every route group is an OpenAPIHono whose request validation fails through the API's one error type. */
export function createRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) throw validationError(result.error, `request ${result.target}`);
      void c;
    },
  });
}
