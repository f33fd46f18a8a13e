import type { Problem } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { controlPaths, placeProblems } from './control-paths';
import { schemaOf } from './test-schemas';

const problem = (field: string | undefined, message = 'bad'): Problem => ({ severity: 'error', code: 'invalid-config', message, nodeId: 'n1', ...(field !== undefined ? { field } : {}) });

describe('controlPaths', () => {
  it('lists the rule builder’s match, rules and each rule’s field, operator and value', () => {
    const config = { match: 'all', rules: [{ field: 'order.total', op: 'gt', value: 100 }, { field: '' }] };
    expect(controlPaths(schemaOf('condition.rules'), config)).toEqual([
      'match',
      'rules',
      'rules.0',
      'rules.0.field',
      'rules.0.op',
      'rules.0.value',
      'rules.1',
      'rules.1.field',
      'rules.1.op',
      'rules.1.value',
    ]);
  });

  it('lists every row of a list of objects with its fields', () => {
    const config = { branches: [{ key: 'a', label: 'A', percent: 50 }, {}] };
    expect(controlPaths(schemaOf('split.random'), config)).toEqual([
      'branches',
      'branches.0',
      'branches.0.key',
      'branches.0.label',
      'branches.0.percent',
      'branches.1',
      'branches.1.key',
      'branches.1.label',
      'branches.1.percent',
    ]);
  });

  it('follows the chosen variant, and a nested rule set inside an object', () => {
    expect(controlPaths(schemaOf('wait.untilTime'), { mode: 'dateField', field: 'order.deliveryDate' })).toEqual(['mode', 'field', 'offsetDays', 'time', 'timezone']);
    expect(controlPaths(schemaOf('trigger.event'), { event: 'order.created' })).toEqual(['event', 'filter', 'filter.match', 'filter.rules']);
  });
});

describe('placeProblems', () => {
  const paths = ['branches', 'branches.0', 'branches.0.key', 'branches.0.percent', 'mjml'];

  it('puts a problem under its control, or under the nearest control that contains its field', () => {
    const { byPath, unplaced } = placeProblems(
      [problem('branches.0.percent', 'too big'), problem('branches', 'must add up to 100'), problem('branches.0.label.x', 'deep'), problem('mjml', 'line 3')],
      paths,
    );
    expect(Object.fromEntries(byPath)).toEqual({
      'branches.0.percent': [problem('branches.0.percent', 'too big')],
      branches: [problem('branches', 'must add up to 100')],
      'branches.0': [problem('branches.0.label.x', 'deep')],
      mjml: [problem('mjml', 'line 3')],
    });
    expect(unplaced).toEqual([]);
  });

  it('leaves problems without a field, or about a field no control shows, for the top of the panel', () => {
    const { byPath, unplaced } = placeProblems([problem(undefined, 'unreachable'), problem('', 'whole config'), problem('preheader', 'gone')], paths);
    expect(byPath.size).toBe(0);
    expect(unplaced.map((p) => p.message)).toEqual(['unreachable', 'whole config', 'gone']);
  });

  it('does not mistake a field for another that merely starts with the same letters', () => {
    const { byPath, unplaced } = placeProblems([problem('branches10')], paths);
    expect(byPath.size).toBe(0);
    expect(unplaced).toHaveLength(1);
  });
});
