import { describe, expect, it } from 'vitest';
import type { RunContext } from '../context';
import { splitRandom } from './split-random';

if (splitRandom.behavior.kind !== 'branch') throw new Error('split.random must branch');
const { choose } = splitRandom.behavior;
const ctx: RunContext = { flow: { id: 'f1', name: 'Flow' }, runId: 'r1', contact: { id: 'c1', tags: [] }, codes: {} };
const parse = (branches: { key: string; label: string; percent: number }[]) => splitRandom.configSchema.parse({ branches });

describe('split.random choose', () => {
  const fifty = splitRandom.configSchema.parse(splitRandom.defaults);

  it.each([
    [0, 'a'],
    [0.4999, 'a'],
    [0.5, 'b'],
    [0.9999, 'b'],
  ])('50/50 with random %s goes to %s', (random, key) => {
    expect(choose(fifty, ctx, random)).toBe(key);
  });

  const three = parse([
    { key: 'a', label: 'A', percent: 20 },
    { key: 'b', label: 'B', percent: 30 },
    { key: 'holdout', label: 'Holdout', percent: 50 },
  ]);

  it.each([
    [0, 'a'],
    [0.1999, 'a'],
    [0.2, 'b'],
    [0.4999, 'b'],
    [0.5, 'holdout'],
    [0.9999, 'holdout'],
  ])('20/30/50 with random %s goes to %s', (random, key) => {
    expect(choose(three, ctx, random)).toBe(key);
  });

  it('never picks a 0% branch', () => {
    const config = parse([
      { key: 'a', label: 'A', percent: 0 },
      { key: 'b', label: 'B', percent: 100 },
      { key: 'c', label: 'C', percent: 0 },
    ]);
    expect([0, 0.5, 0.9999].map((r) => choose(config, ctx, r))).toEqual(['b', 'b', 'b']);
  });
});

describe('split.random config', () => {
  it('accepts percentages adding up to 100, float noise included', () => {
    const config = parse([
      { key: 'a', label: 'A', percent: 33.3 },
      { key: 'b', label: 'B', percent: 33.3 },
      { key: 'c', label: 'C', percent: 33.4 },
    ]);
    expect(splitRandom.check?.(config)).toEqual([]);
  });

  it('reports percentages that do not add up to 100', () => {
    const config = parse([
      { key: 'a', label: 'A', percent: 50 },
      { key: 'b', label: 'B', percent: 40 },
    ]);
    expect(splitRandom.check?.(config)).toEqual([{ field: 'branches', message: 'the percentages add up to 90; they must add up to 100' }]);
  });

  it('reports a key used twice at the second use', () => {
    const config = parse([
      { key: 'a', label: 'A', percent: 40 },
      { key: 'b', label: 'B', percent: 30 },
      { key: 'a', label: 'C', percent: 30 },
    ]);
    expect(splitRandom.check?.(config)).toEqual([
      { field: 'branches.2.key', message: 'the key "a" is used by another branch; each branch needs its own' },
    ]);
  });

  it('names outputs and summary by label and percent', () => {
    const config = splitRandom.configSchema.parse(splitRandom.defaults);
    expect(splitRandom.outputs(config)).toEqual([
      { id: 'a', label: 'A 50%' },
      { id: 'b', label: 'B 50%' },
    ]);
    expect(splitRandom.summary(config)).toBe('Split: A 50% / B 50%');
  });

  it('needs two branches', () => {
    const result = splitRandom.configSchema.safeParse({ branches: [{ key: 'a', label: 'A', percent: 100 }] });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['branches', 'a split needs at least two branches'],
    ]);
  });
});
