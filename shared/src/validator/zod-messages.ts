import type { z } from 'zod';

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  const type = typeof value;
  if (type === 'string') return `the text "${String(value).slice(0, 40)}"`;
  if (type === 'number' || type === 'boolean') return String(value);
  return typeNames[type] ?? type;
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function sizeMessage(issue: { origin: string; inclusive?: boolean }, limit: number | bigint, small: boolean): string | undefined {
  const n = Number(limit);
  const bound = small ? (issue.inclusive === false ? 'more than' : 'at least') : issue.inclusive === false ? 'less than' : 'at most';
  switch (issue.origin) {
    case 'string':
      if (small && n === 1) return 'must not be empty';
      return `must be ${bound} ${n} character${n === 1 ? '' : 's'} long`;
    case 'array':
    case 'set':
      if (small && n === 1) return 'needs at least one item';
      return `must have ${bound} ${n} item${n === 1 ? '' : 's'}`;
    case 'number':
    case 'int':
    case 'bigint':
      return `must be ${bound} ${n}`;
    default:
      return undefined;
  }
}

/**
 * Plain-English messages for zod's built-in checks. Passed as the per-parse error map, so a
 * schema's own message ("add at least one rule") still wins; undefined keeps zod's default.
 */
export function friendlyIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'a value is required';
      return `must be ${typeNames[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
    case 'too_small':
      return sizeMessage(issue, issue.minimum, true);
    case 'too_big':
      return sizeMessage(issue, issue.maximum, false);
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoteAll(issue.values)}` : `must be one of ${quoteAll(issue.values)}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'must be an email address';
      if (issue.format === 'date') return 'must be a date like 2024-05-31';
      if (issue.format === 'datetime') return 'must be a date and time like 2024-05-31T09:00:00Z';
      if (issue.format === 'regex') return 'is not in the expected format';
      return `must be a valid ${issue.format}`;
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${quoteAll(issue.keys)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return undefined;
  }
}

/** zod's path as the validator writes fields: "rules.0.value". */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((key) => String(key)).join('.');
}
