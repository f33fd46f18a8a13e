import { describe, expect, it } from 'vitest';
import { actionTag } from './action-tag';

const parse = (config: object) => actionTag.configSchema.parse(config);

describe('action.tag', () => {
  it('needs at least one tag, reported at "add"', () => {
    expect(actionTag.check?.(parse({}))).toEqual([{ field: 'add', message: 'add or remove at least one tag' }]);
    expect(actionTag.check?.(parse({ remove: ['lead'] }))).toEqual([]);
  });

  it('reports a tag both added and removed, at the removal', () => {
    expect(actionTag.check?.(parse({ add: ['vip', 'buyer'], remove: ['lead', 'vip'] }))).toEqual([
      { field: 'remove.1', message: '"vip" is both added and removed' },
    ]);
  });

  it('trims tags and rejects empty ones', () => {
    expect(parse({ add: [' vip '] }).add).toEqual(['vip']);
    const result = actionTag.configSchema.safeParse({ add: ['  '] });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['add.0', 'a tag cannot be empty']]);
  });

  it('summarises additions and removals', () => {
    expect(actionTag.summary(parse({ add: ['vip'], remove: ['lead'] }))).toBe('Tag +vip −lead');
  });
});
