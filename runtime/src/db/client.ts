import postgres from 'postgres';

/** A connection pool. */
export type Sql = postgres.Sql;
/** An open transaction (inside `sql.begin`). */
export type Tx = postgres.TransactionSql;
/** Anything that runs queries: the pool (each statement on its own) or an open transaction. */
export type Db = Sql | Tx;

export interface CreateSqlOptions {
  /** Pool size; default 10. The API and each worker hold their own pool. */
  max?: number;
  /** Shown in pg_stat_activity, e.g. "nudgeflow-api". */
  applicationName?: string;
}

function safeNumber(raw: string): number {
  const n = Number(raw);
  // Counts and identity ids: exceeding 2^53 would be a bug elsewhere, so say so loudly.
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${raw} does not fit a JavaScript number`);
  return n;
}

/**
 * A pool for `url`. jsonb comes back as objects (send objects with `sql.json`), bigint and numeric
 * come back as numbers (money is numeric(14,2): exact as a double), timestamptz as Date.
 */
export function createSql(url: string, options: CreateSqlOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 60,
    connect_timeout: 10,
    connection: { application_name: options.applicationName ?? 'nudgeflow' },
    // "relation already exists, skipping" and the like are not worth a console line.
    onnotice: () => {},
    types: {
      bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: safeNumber },
      numeric: { to: 1700, from: [1700], serialize: (value: number) => String(value), parse: (raw: string) => Number(raw) },
    },
  }) as unknown as Sql;
}

/** A value for a jsonb column (plain JSON data: the shared zod types). */
export function jsonb(db: Db, value: unknown): postgres.Parameter {
  return db.json(value as postgres.JSONValue);
}

/** Whether a query failed with this Postgres error code (e.g. '23503', foreign key violation). */
export function isPgError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** A timestamptz as the ISO string the shared schemas use. */
export function iso(value: Date): string;
export function iso(value: Date | null): string | undefined;
export function iso(value: Date | null): string | undefined {
  return value === null ? undefined : value.toISOString();
}

/** `T` with every nullable property turned into an optional one. */
export type Compacted<T> = { [K in keyof T as null extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as null extends T[K] ? K : never]?: Exclude<T[K], null>;
};

/** Drops keys whose value is null or undefined, so optional fields are absent rather than null. */
export function compact<T extends Record<string, unknown>>(value: T): Compacted<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Compacted<T>;
}

/** Runs `fn` in a transaction: a new one on a pool, or the caller's when `db` already is one. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return 'begin' in db ? (db.begin(fn) as Promise<T>) : fn(db);
}
