import { z } from 'zod';

export const ruleOps = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'in', 'exists', 'notExists'] as const;
export type RuleOp = (typeof ruleOps)[number];

export const ruleOpLabels: Record<RuleOp, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  contains: 'contains',
  in: 'is one of',
  exists: 'is set',
  notExists: 'is not set',
};

/** Where a rule may look: the run's contact, order, cart and the latest event. */
export const ruleRoots = ['contact', 'order', 'event', 'cart', 'product'] as const;

export const ruleFieldSchema = z
  .string()
  .regex(
    /^(contact|order|event|cart|product)(\.[A-Za-z0-9_]+)+$/,
    'a field looks like "order.paymentMethod": contact, order, event, cart or product, then a property path',
  );

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const ruleSchema = z.object({
  field: ruleFieldSchema.meta({ title: 'Field' }),
  op: z.enum(ruleOps).meta({ title: 'Operator', enumLabels: ruleOpLabels }),
  /** Not used by exists/notExists; an array for `in`. */
  value: z.union([scalar, z.array(scalar)]).optional().meta({ title: 'Value' }),
});

export type Rule = z.infer<typeof ruleSchema>;

export const ruleSetSchema = z.object({
  match: z.enum(['all', 'any']).default('all').meta({ title: 'Match', enumLabels: { all: 'all rules', any: 'any rule' } }),
  rules: z.array(ruleSchema).default([]),
});

export type RuleSet = z.infer<typeof ruleSetSchema>;

/** Problems a rule can have beyond its shape (e.g. `in` without a list), by path inside the rule. */
export function ruleProblems(rule: Rule): { path: string; message: string }[] {
  const needsValue = rule.op !== 'exists' && rule.op !== 'notExists';
  if (needsValue && rule.value === undefined) return [{ path: 'value', message: `operator "${rule.op}" needs a value` }];
  if (rule.op === 'in' && !Array.isArray(rule.value)) return [{ path: 'value', message: 'operator "in" needs a list of values' }];
  if (['gt', 'gte', 'lt', 'lte'].includes(rule.op) && Array.isArray(rule.value))
    return [{ path: 'value', message: `operator "${rule.op}" compares with one value, not a list` }];
  return [];
}
