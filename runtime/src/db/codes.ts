import { inTransaction, iso, type Db } from './client';
import { lockKeys } from './locks';

export interface PoolStats {
  name: string;
  description?: string;
  /** Staff are alerted when fewer real codes than this remain; 0: never. */
  lowThreshold: number;
  /** Where the low-stock alert goes; without one it is only recorded in the message log. */
  alertEmail?: string;
  /** Real codes (test codes are counted apart). */
  total: number;
  assigned: number;
  remaining: number;
  /** Fewer real codes left than lowThreshold. */
  low: boolean;
  /** When the current low-stock alert was raised (cleared by a refill). */
  lowAlertedAt?: string;
  testRemaining: number;
}

/** What PUT /api/code-pools/{name} may change: absent leaves a field as it is, null clears it. */
export interface PoolSettings {
  description?: string | null;
  lowThreshold?: number;
  alertEmail?: string | null;
}

/**
 * Free real codes, counted only up to `limit`: "are there at least N left" without walking a
 * pool of 100,000 codes on every assignment.
 */
const remainingUpTo = (db: Db, pool: string, limit: number) => db`
  select count(*)::int as n from (
    select 1 from codes where pool = ${pool} and not test and assigned_key is null limit ${limit}
  ) as free`;

/** A refill (or a lower threshold) that leaves the pool at or above its threshold ends its alert, so the next shortage alerts again. */
async function clearAlertIfStocked(db: Db, pool: string): Promise<void> {
  const [row] = await db<{ low_threshold: number }[]>`select low_threshold from code_pools where name = ${pool} and low_alert_key is not null`;
  if (!row) return;
  const [free] = await remainingUpTo(db, pool, row.low_threshold);
  if ((free?.n ?? 0) >= row.low_threshold) await db`update code_pools set low_alert_key = null, low_alerted_at = null where name = ${pool}`;
}

/** Creates the pool, or changes the settings given. */
export async function savePool(db: Db, name: string, settings: PoolSettings = {}): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx`
      insert into code_pools (name, description, low_threshold, alert_email)
      values (${name}, ${settings.description ?? null}, ${settings.lowThreshold ?? 0}, ${settings.alertEmail ?? null})
      on conflict (name) do update set
        description = ${settings.description === undefined ? tx`code_pools.description` : tx`${settings.description}`},
        low_threshold = ${settings.lowThreshold === undefined ? tx`code_pools.low_threshold` : tx`${settings.lowThreshold}`},
        alert_email = ${settings.alertEmail === undefined ? tx`code_pools.alert_email` : tx`${settings.alertEmail}`}`;
    await clearAlertIfStocked(tx, name);
  });
}

/**
 * Adds codes to a pool (created if missing), in the order given: that is the order they are
 * handed out. Codes already in the pool, or repeated in `codes`, are skipped. `test` codes only
 * ever go to test runs.
 */
export async function importCodes(db: Db, pool: string, codes: string[], options: { test?: boolean } = {}): Promise<{ added: number; skipped: number }> {
  const cleaned = codes.map((c) => c.trim()).filter((c) => c !== '');
  return inTransaction(db, async (tx) => {
    await tx`insert into code_pools (name) values (${pool}) on conflict (name) do nothing`;
    const added = await tx`
      insert into codes (pool, code, test)
      select ${pool}, code, ${options.test ?? false} from unnest(${cleaned}::text[]) with ordinality as c(code, n)
      order by n
      on conflict (pool, code) do nothing
      returning id`;
    await clearAlertIfStocked(tx, pool);
    return { added: added.length, skipped: codes.length - added.length };
  });
}

export interface CodeRequest {
  pool: string;
  /** The effect's idempotency key: the same key always gets the same code, even on retry. */
  key: string;
  contactId: string;
  runId: string;
  /** A test run: takes the pool's test codes, never a real one, and raises no alert. */
  test?: boolean;
}

/** The pool ran low with this assignment: staff are to be told once. */
export interface LowStock {
  pool: string;
  remaining: number;
  threshold: number;
  alertEmail?: string;
}

export interface CodeAssignment {
  /** Undefined when the pool has no free code (or does not exist). */
  code?: string;
  /** Set for the one assignment that raised the pool's low-stock alert (again on its retries). */
  lowStock?: LowStock;
}

interface AlertRow {
  low_threshold: number;
  low_alert_key: string | null;
  alert_email: string | null;
}

const lowStock = (pool: string, remaining: number, row: AlertRow): LowStock => ({
  pool,
  remaining,
  threshold: row.low_threshold,
  ...(row.alert_email !== null ? { alertEmail: row.alert_email } : {}),
});

/**
 * Whether this assignment raises the pool's low-stock alert. Counting happens under the pool
 * row's lock, taken after the assignment: concurrent assignments count one after another, and
 * the last of them sees every code the others took, so a drop below the threshold is never
 * missed. The lock is only taken while the pool has a threshold and no alert yet.
 */
async function claimLowStock(tx: Db, pool: string, key: string): Promise<LowStock | undefined> {
  const [seen] = await tx<AlertRow[]>`select low_threshold, low_alert_key, alert_email from code_pools where name = ${pool}`;
  if (!seen || seen.low_threshold === 0) return undefined;
  let row = seen;
  if (seen.low_alert_key === null) {
    const [locked] = await tx<AlertRow[]>`select low_threshold, low_alert_key, alert_email from code_pools where name = ${pool} for update`;
    if (!locked) return undefined;
    row = locked;
    if (row.low_alert_key === null) {
      const [free] = await remainingUpTo(tx, pool, row.low_threshold);
      const remaining = free?.n ?? 0;
      if (remaining >= row.low_threshold) return undefined;
      await tx`update code_pools set low_alert_key = ${key}, low_alerted_at = now() where name = ${pool}`;
      return lowStock(pool, remaining, row);
    }
  }
  if (row.low_alert_key !== key) return undefined;
  // A retry of the assignment that raised the alert: its alert may not have gone out yet.
  const [free] = await remainingUpTo(tx, pool, row.low_threshold);
  return lowStock(pool, free?.n ?? 0, row);
}

/**
 * Hands out the pool's next free code. Concurrent callers never get the same code (the free row
 * is locked and skipped by others); a key that already has a code gets it again. A real
 * assignment that leaves fewer codes than the pool's threshold (or finds none) may raise the
 * pool's low-stock alert: exactly one per shortage (see claimLowStock).
 */
export async function assignCode(db: Db, request: CodeRequest): Promise<CodeAssignment> {
  return inTransaction(db, async (tx) => {
    // Two attempts with the same key at once: the second waits, then finds the first one's code.
    await lockKeys(tx, [`code:${request.key}`]);
    const [existing] = await tx<{ code: string }[]>`select code from codes where assigned_key = ${request.key}`;
    const [assigned] = existing
      ? [existing]
      : await tx<{ code: string }[]>`
          update codes set assigned_key = ${request.key}, contact_id = ${request.contactId}, run_id = ${request.runId}, assigned_at = now()
          where id = (
            select id from codes
            where pool = ${request.pool} and test = ${request.test ?? false} and assigned_key is null
            order by id limit 1
            for update skip locked)
          returning code`;
    const lowStock = request.test ? undefined : await claimLowStock(tx, request.pool, request.key);
    return { ...(assigned ? { code: assigned.code } : {}), ...(lowStock ? { lowStock } : {}) };
  });
}

interface PoolRow extends AlertRow {
  name: string;
  description: string | null;
  low_alerted_at: Date | null;
  total: number;
  assigned: number;
  test_remaining: number;
}

const toStats = (r: PoolRow): PoolStats => ({
  name: r.name,
  ...(r.description !== null ? { description: r.description } : {}),
  lowThreshold: r.low_threshold,
  ...(r.alert_email !== null ? { alertEmail: r.alert_email } : {}),
  total: r.total,
  assigned: r.assigned,
  remaining: r.total - r.assigned,
  low: r.total - r.assigned < r.low_threshold,
  ...(r.low_alerted_at !== null ? { lowAlertedAt: iso(r.low_alerted_at) } : {}),
  testRemaining: r.test_remaining,
});

const poolQuery = (db: Db, name: string | null) => db<PoolRow[]>`
  select p.name, p.description, p.low_threshold, p.alert_email, p.low_alert_key, p.low_alerted_at,
    count(c.id) filter (where not c.test)::int as total,
    count(c.id) filter (where not c.test and c.assigned_key is not null)::int as assigned,
    count(c.id) filter (where c.test and c.assigned_key is null)::int as test_remaining
  from code_pools p left join codes c on c.pool = p.name
  where (${name}::text is null or p.name = ${name})
  group by p.name
  order by p.name`;

export async function poolStats(db: Db, name: string): Promise<PoolStats | undefined> {
  const [row] = await poolQuery(db, name);
  return row ? toStats(row) : undefined;
}

export async function listPools(db: Db): Promise<PoolStats[]> {
  return (await poolQuery(db, null)).map(toStats);
}
