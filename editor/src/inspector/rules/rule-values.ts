import { ruleOps, type RuleOp } from '@nudgeflow/shared';
import type { Config } from '../form/config-edit';

type Scalar = string | number | boolean;
export type RuleValue = Scalar | Scalar[];

export function isRuleOp(value: unknown): value is RuleOp {
  return typeof value === 'string' && (ruleOps as readonly string[]).includes(value);
}

/** "is set" and "is not set" compare with nothing: the value box is hidden. */
export function takesValue(op: unknown): boolean {
  return op !== 'exists' && op !== 'notExists';
}

/** What a marketer types, as the value a rule compares with: "true" is true, "12.5" a number, "Praha" text. */
export function coerceScalar(text: string): Scalar {
  if (text === 'true') return true;
  if (text === 'false') return false;
  // Leading zeros stay text: a postcode "01234" is not the number 1234.
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** The text box's content for a value: a list as "a, b, c". */
export function formatRuleValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  return value === undefined || value === null ? '' : String(value);
}

/** The value for the text typed: a comma-separated list for "is one of"; undefined when empty. */
export function parseRuleValue(text: string, op: unknown): RuleValue | undefined {
  if (op === 'in') {
    const items = text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map(coerceScalar);
    return items.length > 0 ? items : undefined;
  }
  const trimmed = text.trim();
  return trimmed === '' ? undefined : coerceScalar(trimmed);
}

/**
 * The rule with another operator: "is set" drops the value, "is one of" turns a value into a
 * list of one, and leaving it turns a list of one back into its value. A longer list stays, and
 * the validator says it needs one value.
 */
export function withOperator(rule: Config, op: RuleOp): Config {
  const { value, ...rest } = rule;
  if (!takesValue(op)) return { ...rest, op };
  let next: unknown = value;
  if (op === 'in' && value !== undefined && !Array.isArray(value)) next = [value];
  if (op !== 'in' && Array.isArray(value) && value.length <= 1) next = value[0];
  return next === undefined ? { ...rest, op } : { ...rest, op, value: next };
}

/** Equal as values (a list item by item), so the text box keeps what is being typed ("a, ") while it means the same. */
export function sameRuleValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
