import { TypeGuards, Value, Variable, type Arguments, type Filter, type Token, type VariableSegments } from 'liquidjs';

/** What a tag yields from `arguments()`: a filtered value, or a bare value token. */
export type Argument = Arguments extends Iterable<infer A> ? A : never;
type FilterArg = Filter['args'][number];
type PropertyAccess = Extract<Argument, { props: unknown }>;

/** A variable a template reads, with the token it was written in (for its position, worked out only when needed). */
export interface Reference {
  segments: VariableSegments;
  token: Token;
}

// Nested paths (`items[i]`) become Variables only so that liquidjs can print them; their place is unused.
const nowhere = { row: 0, col: 0 };

function segmentsOf(token: PropertyAccess): VariableSegments {
  const segments: VariableSegments = [];
  token.props.forEach((prop, i) => {
    if (TypeGuards.isQuotedToken(prop) || TypeGuards.isNumberToken(prop) || TypeGuards.isWordToken(prop)) segments.push(prop.content);
    else if (TypeGuards.isPropertyAccessToken(prop)) {
      // `[a.b].c` reads a.b.c; `a[b].c` reads a[…].c and, separately, b.
      if (i === 0) segments.push(...segmentsOf(prop));
      else segments.push(new Variable(segmentsOf(prop), nowhere));
    }
  });
  return segments;
}

function collectFilterArg(arg: FilterArg, found: Reference[]): void {
  if (Array.isArray(arg)) {
    if (arg[1]) collect(arg[1], found);
  } else collect(arg, found);
}

function collect(token: Token, found: Reference[]): void {
  if (TypeGuards.isRangeToken(token)) {
    collect(token.lhs, found);
    collect(token.rhs, found);
  } else if (TypeGuards.isFilteredValueToken(token)) {
    for (const part of token.initial.postfix) collect(part, found);
    for (const filter of token.filters) for (const arg of filter.args) collectFilterArg(arg, found);
  } else if (TypeGuards.isPropertyAccessToken(token)) {
    // A literal with properties ("abc".size) reads no variable itself.
    if (token.variable) collect(token.variable, found);
    else found.push({ segments: segmentsOf(token), token });
    token.props.forEach((prop, i) => {
      if (TypeGuards.isPropertyAccessToken(prop) && (i > 0 || token.variable)) collect(prop, found);
    });
  }
}

/**
 * The variables one output or tag argument reads, outer paths before the paths nested in them.
 * Mirrors liquidjs's static analysis, which also works out every variable's line and column
 * by rescanning the template from its start: too slow for flows with hundreds of templates.
 */
export function referencesIn(argument: Argument): Reference[] {
  const found: Reference[] = [];
  if (argument instanceof Value) {
    for (const token of argument.initial.postfix) collect(token, found);
    for (const filter of argument.filters) for (const arg of filter.args) collectFilterArg(arg, found);
  } else collect(argument, found);
  return found;
}
