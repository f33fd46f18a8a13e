import { z } from '@hono/zod-openapi';
import { ApiError } from './errors';

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

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().optional().openapi({ description: 'Pass as `cursor` for the next page; absent on the last page' }),
  });
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * Lists page newest first by (time, id). The cursor is that pair of the page's last item, opaque
 * to clients: they only hand it back.
 */
export interface PagePosition {
  at: string;
  id: string;
}

/**
 * to_char format of a cursor's time: UTC to the microsecond. JavaScript dates keep milliseconds
 * only, and a cursor cut to the millisecond would skip rows stored later within that millisecond.
 * Compare it as `${at}::text::timestamptz`: a parameter typed timestamptz goes through a Date.
 */
export const CURSOR_TIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

const positionSchema = z.tuple([z.iso.datetime({ offset: true }), z.string().min(1)]);

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): PagePosition | undefined {
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

/**
 * A page from rows fetched with `limit + 1`: the extra row only tells that there is a next page,
 * whose cursor is the position of the last row shown.
 */
export async function toPage<T>(rows: T[], limit: number, positionOf: (row: T) => Promise<PagePosition> | PagePosition): Promise<Page<T>> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items, nextCursor: encodeCursor(await positionOf(last)) } : { items };
}
