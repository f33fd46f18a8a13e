import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { importCodes, poolStats } from '../../db';
import { ApiError } from '../errors';
import { errorResponse } from '../error-responses';
import { parseCodesCsv } from './codes-csv';
import type { CodePoolRouteDeps } from './pool-routes';
import { importCodesBodySchema, importCodesCsvSchema, importQuerySchema, importResultSchema, MAX_IMPORT, poolNameParams } from './schemas';

export const importCodesRoute = createRoute({
  method: 'post',
  path: '/{name}/codes',
  tags: ['code pools'],
  summary: 'Import codes into a pool (created if it does not exist), as JSON or as a CSV file',
  request: {
    params: poolNameParams,
    query: importQuerySchema,
    // Not "required" for the validator: a CSV body is read by the handler, only JSON is checked up front.
    body: { required: false, content: { 'application/json': { schema: importCodesBodySchema }, 'text/csv': { schema: importCodesCsvSchema } } },
  },
  responses: {
    201: { description: 'Imported', content: { 'application/json': { schema: importResultSchema } } },
    400: errorResponse('No codes, too many, or bad ones: details name each (`[{path, message}]` for JSON, `[{line, message}]` for CSV); nothing was imported'),
    415: errorResponse('Neither JSON nor CSV'),
  },
});

const isCsv = (contentType: string) => /^text\/csv\s*(;|$)/i.test(contentType);
const isJson = (contentType: string) => /^application\/(.+\+)?json\s*(;|$)/i.test(contentType);

/** The codes of a CSV body, or a 400 that names every bad line. */
function csvCodes(text: string): string[] {
  const parsed = parseCodesCsv(text, MAX_IMPORT);
  if (parsed.ok) return parsed.codes;
  const [first] = parsed.problems;
  const others = parsed.problems.length - 1 + parsed.more;
  const summary = `line ${first?.line}: ${first?.message}${others > 0 ? ` (and ${others} more)` : ''}`;
  throw new ApiError(400, 'invalid_csv', `the CSV file was not imported: ${summary}`, parsed.problems);
}

export function importCodesHandler(deps: CodePoolRouteDeps): RouteHandler<typeof importCodesRoute> {
  return async (c) => {
    const { name } = c.req.valid('param');
    const contentType = c.req.header('content-type') ?? '';
    let codes: string[];
    let test: boolean;
    if (isCsv(contentType)) {
      codes = csvCodes(await c.req.text());
      test = c.req.valid('query').test === 'true';
    } else if (isJson(contentType)) {
      const body = c.req.valid('json');
      // The validator checked it against the JSON schema; only the CSV schema is a string.
      if (typeof body === 'string') throw new Error('a JSON import body came through as text');
      codes = body.codes;
      test = body.test || c.req.valid('query').test === 'true';
    } else {
      throw new ApiError(415, 'unsupported_media_type', 'send the codes as JSON (Content-Type: application/json) or as a CSV file (Content-Type: text/csv)');
    }
    const { added, skipped } = await importCodes(deps.sql, name, codes, { test });
    const pool = await poolStats(deps.sql, name);
    if (!pool) throw new Error(`code pool ${name} vanished right after its import`);
    return c.json({ added, skipped, pool }, 201);
  };
}
