import { ruleOpLabels, type Rule, type RuleSet } from './schema';

function show(value: Rule['value']): string {
  if (Array.isArray(value)) return value.map((v) => JSON.stringify(v)).join(', ');
  return value === undefined ? '' : JSON.stringify(value);
}

export function describeRule(rule: Rule): string {
  const label = ruleOpLabels[rule.op];
  return rule.op === 'exists' || rule.op === 'notExists' ? `${rule.field} ${label}` : `${rule.field} ${label} ${show(rule.value)}`;
}

export function describeRuleSet(set: RuleSet | undefined): string {
  if (!set || set.rules.length === 0) return '';
  const joiner = set.match === 'any' ? ' or ' : ' and ';
  return set.rules.map(describeRule).join(joiner);
}
