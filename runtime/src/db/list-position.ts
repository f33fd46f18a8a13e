import type { Db } from './client';

/**
 * Where a list ordered newest first by (time, id) goes on: the last item's time as UTC text to
 * the microsecond, and its id. JavaScript dates keep milliseconds only, and a position cut to the
 * millisecond would skip rows stored later within that millisecond (a flow sending to many
 * contacts at once).
 */
export interface ListPosition {
  at: string;
  id: string;
}

/** Up to `limit` items, and where the next page starts when there are more. */
export interface ListPage<T> {
  items: T[];
  next?: ListPosition;
}

/** to_char format of ListPosition.at. */
export const EXACT_TIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

/**
 * `and (column, id) < position`. The time goes in as text: a parameter typed timestamptz is
 * serialized through a Date, which would cut it to the millisecond again.
 */
export function beforePosition(db: Db, column: string, position: ListPosition | undefined) {
  return position ? db`and (${db(column)}, id) < (${position.at}::text::timestamptz, ${position.id})` : db``;
}

/** The select-list entry giving a row's position time (`position_at`), to pass to pageOf. */
export function positionTime(db: Db, column: string) {
  return db`to_char(${db(column)} at time zone 'UTC', ${EXACT_TIME_FORMAT}) as position_at`;
}

/** A page from rows fetched with `limit + 1`: the extra row only tells that there is a next page. */
export function pageOf<Row extends { id: string; position_at: string }, T>(rows: Row[], limit: number, toItem: (row: Row) => T): ListPage<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(toItem), ...(rows.length > limit && last ? { next: { at: last.position_at, id: last.id } } : {}) };
}
