import { inTransaction, type Db } from './client';
import { lockKeys } from './locks';

export interface PoolStats {
  name: string;
  description?: string;
  lowThreshold: number;
  /** Real codes (test codes are counted apart). */
  total: number;
  assigned: number;
  available: number;
  /** Fewer real codes left than lowThreshold. */
  low: boolean;
  testAvailable: number;
}

/** Creates the pool, or updates the description / threshold given. */
export async function savePool(db: Db, pool: { name: string; description?: string; lowThreshold?: number }): Promise<void> {
  await db`
    insert into code_pools (name, description, low_threshold)
    values (${pool.name}, ${pool.description ?? null}, ${pool.lowThreshold ?? 0})
    on conflict (name) do update set
      description = coalesce(${pool.description ?? null}, code_pools.description),
      low_threshold = coalesce(${pool.lowThreshold ?? null}::integer, code_pools.low_threshold)`;
}

/**
 * Adds codes to a pool (created if missing), in the order given: that is the order they are
 * handed out. Codes already in the pool are skipped. `test` codes only ever go to test runs.
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
    return { added: added.length, skipped: codes.length - added.length };
  });
}

export interface CodeRequest {
  pool: string;
  /** The effect's idempotency key: the same key always gets the same code, even on retry. */
  key: string;
  contactId: string;
  runId: string;
  /** A test run: takes the pool's test codes, never a real one. */
  test?: boolean;
}

/**
 * Hands out the pool's next free code. Concurrent callers never get the same code (the free row
 * is locked and skipped by others); a key that already has a code gets it again. Undefined when
 * the pool has no free code (or does not exist).
 */
export async function assignCode(db: Db, request: CodeRequest): Promise<string | undefined> {
  return inTransaction(db, async (tx) => {
    // Two attempts with the same key at once: the second waits, then finds the first one's code.
    await lockKeys(tx, [`code:${request.key}`]);
    const [existing] = await tx<{ code: string }[]>`select code from codes where assigned_key = ${request.key}`;
    if (existing) return existing.code;
    const [assigned] = await tx<{ code: string }[]>`
      update codes set assigned_key = ${request.key}, contact_id = ${request.contactId}, run_id = ${request.runId}, assigned_at = now()
      where id = (
        select id from codes
        where pool = ${request.pool} and test = ${request.test ?? false} and assigned_key is null
        order by id limit 1
        for update skip locked)
      returning code`;
    return assigned?.code;
  });
}

interface PoolRow {
  name: string;
  description: string | null;
  low_threshold: number;
  total: number;
  assigned: number;
  test_available: number;
}

const toStats = (r: PoolRow): PoolStats => ({
  name: r.name,
  ...(r.description !== null ? { description: r.description } : {}),
  lowThreshold: r.low_threshold,
  total: r.total,
  assigned: r.assigned,
  available: r.total - r.assigned,
  low: r.total - r.assigned < r.low_threshold,
  testAvailable: r.test_available,
});

const poolQuery = (db: Db, name: string | null) => db<PoolRow[]>`
  select p.name, p.description, p.low_threshold,
    count(c.id) filter (where not c.test)::int as total,
    count(c.id) filter (where not c.test and c.assigned_key is not null)::int as assigned,
    count(c.id) filter (where c.test and c.assigned_key is null)::int as test_available
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
