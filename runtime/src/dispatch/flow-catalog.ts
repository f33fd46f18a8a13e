import type { Db } from '../db';
import { getFlowVersion } from '../db';
import { compileRoutable, type Compiled, type RoutableFlow } from './routable-flow';

export type Log = (line: string) => void;

/** The published version of every active flow: ids only, the graphs come from the cache. */
async function activeVersionIds(db: Db): Promise<{ flowId: string; version: number }[]> {
  const rows = await db<{ id: string; published_version: number }[]>`
    select id, published_version from flows
    where status = 'active' and deleted_at is null and published_version is not null
    order by id`;
  return rows.map((r) => ({ flowId: r.id, version: r.published_version }));
}

/**
 * The flows that take new entries, read fresh on every call (pausing a flow stops entries at
 * once) while each published version is loaded and compiled only once: versions never change.
 */
export class FlowCatalog {
  private cache = new Map<string, Compiled>();

  constructor(
    private readonly db: Db,
    private readonly log: Log,
  ) {}

  async active(): Promise<RoutableFlow[]> {
    const ids = await activeVersionIds(this.db);
    const next = new Map<string, Compiled>();
    for (const { flowId, version } of ids) {
      const key = `${flowId}\u0000${version}`;
      let compiled = this.cache.get(key);
      if (!compiled) {
        const stored = await getFlowVersion(this.db, flowId, version);
        // Deleted or re-published between the two reads: the next call sees it right.
        if (!stored) continue;
        compiled = compileRoutable(stored);
        if (!compiled.ok) this.log(`flow ${flowId} version ${version} cannot start runs: ${compiled.problem}`);
      }
      next.set(key, compiled);
    }
    // Only what is active stays cached: paused and superseded versions are dropped.
    this.cache = next;
    return [...next.values()].flatMap((c) => (c.ok ? [c.flow] : []));
  }
}
