import { describe, expect, it } from 'vitest';
import type { RunContext } from '../context';
import { conditionEngagement } from './condition-engagement';

if (conditionEngagement.behavior.kind !== 'lookup') throw new Error('condition.engagement must be a lookup');
const { query, choose } = conditionEngagement.behavior;
const ctx: RunContext = { flow: { id: 'f1', name: 'Flow' }, runId: 'r1', contact: { id: 'c1', tags: [] }, codes: {} };
const parse = (config: object) => conditionEngagement.configSchema.parse(config);

describe('condition.engagement', () => {
  it('points at the chosen email or SMS node', () => {
    expect(conditionEngagement.nodeRefs?.(parse({ nodeId: 'email_1' }))).toEqual([
      { field: 'nodeId', nodeId: 'email_1', types: ['action.sendEmail', 'action.sendSms'] },
    ]);
  });

  it('asks for a node until one is chosen', () => {
    const fresh = parse(conditionEngagement.defaults);
    expect(conditionEngagement.nodeRefs?.(fresh)).toEqual([]);
    expect(conditionEngagement.check?.(fresh)).toEqual([{ field: 'nodeId', message: 'pick the email or SMS node to check' }]);
  });

  it('asks the engagement question and follows the answer', () => {
    const config = parse({ nodeId: 'email_1', action: 'clicked', withinSeconds: 172800 });
    expect(query(config, ctx)).toEqual({ type: 'engagement', nodeId: 'email_1', action: 'clicked', withinSeconds: 172800 });
    expect(choose(config, { matched: true })).toBe('yes');
    expect(choose(config, { matched: false })).toBe('no');
    expect(conditionEngagement.summary(config)).toBe('If message email_1 was clicked within 2 days');
  });
});
