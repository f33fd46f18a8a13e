import { z } from 'zod';
import { describeRuleSet } from '../../rules/describe';
import { evaluateRuleSet } from '../../rules/evaluate';
import { ruleProblems, ruleSchema } from '../../rules/schema';
import { defineNode, YES_NO } from '../types';

export const conditionRules = defineNode({
  type: 'condition.rules',
  title: 'Check rules',
  description: 'Branches on the contact, the order or the event: payment method, order count, tag, customer group, totals.',
  category: 'condition',
  icon: 'git-branch',
  color: '#0891b2',
  version: 1,
  configSchema: () => z.object({
    match: z.enum(['all', 'any']).default('all').meta({ title: 'Match', enumLabels: { all: 'all rules', any: 'any rule' } }),
    rules: z.array(ruleSchema).min(1, 'add at least one rule').meta({ title: 'Rules' }),
  }),
  defaults: { match: 'all', rules: [{ field: 'order.paymentStatus', op: 'eq', value: 'paid' }] },
  outputs: () => YES_NO,
  summary: (c) => `If ${describeRuleSet(c) || 'no rules'}`,
  check: (c) => c.rules.flatMap((rule, i) => ruleProblems(rule).map((p) => ({ field: `rules.${i}.${p.path}`, message: p.message }))),
  behavior: {
    kind: 'branch',
    choose: (c, ctx) => (evaluateRuleSet(c, ctx) ? 'yes' : 'no'),
  },
});
