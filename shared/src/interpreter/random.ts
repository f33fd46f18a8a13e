/**
 * A number in [0, 1) that depends only on its inputs: split.random must pick the same branch
 * when a workflow replays, so it cannot use Math.random. FNV-1a spreads the text over 32 bits;
 * a final avalanche step makes ids that differ in one character land far apart.
 */
export function hashToUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** The random number a branch node gets on a given visit of a given run. */
export function branchRandom(runId: string, nodeId: string, visit: number): number {
  return hashToUnit(`${runId}:${nodeId}:${visit}`);
}
