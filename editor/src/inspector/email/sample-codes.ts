import type { FlowGraph } from '@nudgeflow/shared';

/** The pools the flow's "Assign a code" nodes hand out from, sorted, each once. */
export function assignedPools(graph: FlowGraph): string[] {
  const pools = graph.nodes.filter((n) => n.type === 'action.assignCode').map((n) => (typeof n.config.pool === 'string' ? n.config.pool : 'discount'));
  return [...new Set(pools)].sort();
}

/**
 * A made-up code per pool for the editor's preview ("ebook_licence" → "EBOOK-LICENCE-7Q2K"): no code
 * is taken from a pool until a run assigns one, but `{{ codes.ebook_licence }}` should not preview as
 * an empty box.
 */
export function sampleCodes(pools: readonly string[]): Record<string, string> {
  return Object.fromEntries(pools.map((pool) => [pool, `${pool.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}-7Q2K`]));
}
