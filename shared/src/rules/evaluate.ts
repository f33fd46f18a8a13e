import { readPath } from './path';
import type { Rule, RuleSet } from './schema';

type Scalar = string | number | boolean;

/** Loose equality the way a marketer means it: "5" equals 5, "CARD" equals "card". */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return !Number.isNaN(x) && !Number.isNaN(y) && x === y;
  }
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function compare(a: unknown, b: unknown): number | undefined {
  const x = typeof a === 'string' && !/^-?\d+(\.\d+)?$/.test(a) ? Date.parse(a) : Number(a);
  const y = typeof b === 'string' && !/^-?\d+(\.\d+)?$/.test(b) ? Date.parse(b) : Number(b);
  if (Number.isNaN(x) || Number.isNaN(y) || a === null || a === undefined) return undefined;
  return x - y;
}

function isPresent(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  return !(Array.isArray(v) && v.length === 0);
}

export function evaluateRule(rule: Rule, data: unknown): boolean {
  const actual = readPath(data, rule.field);
  const expected = rule.value;
  switch (rule.op) {
    case 'exists':
      return isPresent(actual);
    case 'notExists':
      return !isPresent(actual);
    case 'eq':
      return Array.isArray(actual) ? actual.some((v) => same(v, expected)) : same(actual, expected);
    case 'neq':
      return Array.isArray(actual) ? !actual.some((v) => same(v, expected)) : !same(actual, expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const d = compare(actual, expected);
      if (d === undefined) return false;
      return rule.op === 'gt' ? d > 0 : rule.op === 'gte' ? d >= 0 : rule.op === 'lt' ? d < 0 : d <= 0;
    }
    case 'contains':
      if (Array.isArray(actual)) return actual.some((v) => same(v, expected));
      if (typeof actual === 'string') return actual.toLowerCase().includes(String(expected).toLowerCase());
      return false;
    case 'in': {
      const list: Scalar[] = Array.isArray(expected) ? expected : expected === undefined ? [] : [expected];
      if (Array.isArray(actual)) return actual.some((v) => list.some((e) => same(v, e)));
      return list.some((e) => same(actual, e));
    }
    default: {
      const unreachable: never = rule.op;
      throw new Error(`unknown operator ${String(unreachable)}`);
    }
  }
}

/** An empty rule set matches: "no filter" means everything. */
export function evaluateRuleSet(set: RuleSet | undefined, data: unknown): boolean {
  if (!set || set.rules.length === 0) return true;
  return set.match === 'any' ? set.rules.some((r) => evaluateRule(r, data)) : set.rules.every((r) => evaluateRule(r, data));
}
