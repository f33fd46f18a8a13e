import { z } from '@hono/zod-openapi';
import { pageSchema, type Page } from '@nudgeflow/shared/api';
import type { ListPage, ListPosition } from '../db';
import { ApiError } from './errors';

export { pageSchema, type Page };

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

/** Query fields of every list that pages: `limit` and the `cursor` the previous page handed out. */
export const pageQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT, `limit is at most ${MAX_LIMIT}`)
    .default(DEFAULT_LIMIT)
    .openapi({ description: `How many items (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})` }),
  cursor: z.string().min(1).optional().openapi({ description: "The previous page's nextCursor" }),
});

const positionSchema = z.tuple([z.iso.datetime({ offset: true }), z.string().min(1)]);

/**
 * Lists page newest first by (time, id); the cursor is the data layer's position of a page's last
 * item, opaque to clients: they only hand it back.
 */
export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): ListPosition | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = positionSchema.safeParse(decoded);
  if (!parsed.success) throw new ApiError(400, 'invalid_cursor', 'the cursor is not one this list handed out; ask for the first page again without it');
  const [at, id] = parsed.data;
  return { at, id };
}

/** The data layer's page as the API answers it. */
export function toApiPage<T>(page: ListPage<T>): Page<T> {
  return { items: page.items, ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}) };
}
