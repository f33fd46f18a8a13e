import { Liquid, Tag, toValueSync, TypeGuards, Value, Variable, type Template, type Token, type VariableSegments } from 'liquidjs';
import { closestMatch } from '../validator/suggest';
import { liquid } from './engine';
import { templateRoots } from './scope';
import { referencesIn, type Argument } from './template-references';
import { listProperties, open, rootShapes, type Shape } from './template-shapes';

export type TemplateIssueCode = 'template-syntax' | 'unknown-filter' | 'unknown-variable' | 'unsupported-tag' | 'missing-mjml-root';

export interface TemplateIssue {
  code: TemplateIssueCode;
  severity: 'error' | 'warning';
  message: string;
  /** 1-based, where the template has a position for the problem. */
  line?: number;
  column?: number;
}

/**
 * Parses like the shared engine, except that an unknown filter does not stop the parse: the
 * analysis then finds every unknown filter, with its position, instead of only the first.
 */
const parser = new Liquid({ strictFilters: false, strictVariables: false, ownPropertyOnly: true });

/** Tags that load other template files; flows have none, so these would fail at send time. */
const fileTags = new Set(['include', 'render', 'layout']);

function parse(source: string): Template[] {
  for (;;) {
    try {
      return parser.parse(source);
    } catch (error) {
      // A tag registered on the shared engine after start-up (a plugin): learn it and parse again.
      const name = /^tag "([\w-]+)" not found/.exec((error as Error).message)?.[1];
      const tag = name === undefined ? undefined : liquid.tags[name];
      if (name === undefined || tag === undefined || parser.tags[name] === tag) throw error;
      parser.registerTag(name, tag);
    }
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** liquidjs messages, reworded for someone who writes templates rather than parsers. */
function readableSyntaxError(raw: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^tag (\{%-?\s*(\w+)[\s\S]*%\}) not closed$/.exec(raw))) return `${clip(m[1] ?? '')} is never closed: add {% end${m[2]} %}`;
  if ((m = /^(?:tag|output|raw) "([\s\S]*)" not closed$/.exec(raw))) {
    const text = m[1] ?? '';
    if (text.startsWith('{% raw')) return '{% raw %} is never closed: add {% endraw %}';
    return `"${clip(text)}" is missing its closing "${text.startsWith('{{') ? '}}' : '%}'}"`;
  }
  if ((m = /^tag "([\w-]+)" not found$/.exec(raw))) {
    const name = m[1] ?? '';
    if (/^end|^(else|elsif|when)$/.test(name)) return `{% ${name} %} has no matching opening tag`;
    const match = closestMatch(name, Object.keys(liquid.tags));
    return `unknown tag {% ${name} %}${match ? ` (did you mean {% ${match} %}?)` : ''}`;
  }
  if ((m = /^illegal tag: ([\s\S]*)$/.exec(raw))) return `${clip(m[1] ?? '')} is not written correctly`;
  if (raw === 'duplicated else') return 'a block has {% else %} twice';
  if (raw === 'unexpected elsif after else') return '{% elsif %} must come before {% else %}';
  return `Liquid syntax error: ${raw}`;
}

function syntaxIssue(error: unknown): TemplateIssue {
  const e = error as { message?: string; token?: { getPosition?: () => number[] } };
  const [line, column] = e.token?.getPosition?.() ?? [];
  const raw = (e.message ?? String(error)).replace(/, line:\d+, col:\d+[\s\S]*$/, '');
  return {
    code: 'template-syntax',
    severity: 'error',
    message: readableSyntaxError(raw),
    ...(line !== undefined && column !== undefined ? { line, column } : {}),
  };
}

/** Names in scope while walking the template: `for` variables per block, assigned names for the whole template. */
class LocalScope {
  readonly #frames: Map<string, Shape>[] = [new Map()];

  lookup(name: string): Shape | undefined {
    for (let i = this.#frames.length - 1; i >= 0; i--) {
      const shape = this.#frames[i]?.get(name);
      if (shape) return shape;
    }
    return undefined;
  }

  /** assign/capture/increment write to the template's top scope, even from inside a block. */
  assign(name: string): void {
    this.#frames[0]?.set(name, open);
  }

  push(frame: Map<string, Shape>): void {
    this.#frames.push(frame);
  }

  pop(): void {
    this.#frames.pop();
  }

  names(): string[] {
    return this.#frames.flatMap((frame) => [...frame.keys()]);
  }
}

type Resolution = { shape: Shape } | { failAt: number; candidates: string[]; listHint?: boolean };

function resolve(segments: VariableSegments, scope: LocalScope): Resolution {
  const root = segments[0];
  if (typeof root !== 'string') return { shape: open };
  let shape = scope.lookup(root) ?? (Object.hasOwn(rootShapes, root) ? rootShapes[root as keyof typeof rootShapes] : undefined);
  if (!shape) return { failAt: 0, candidates: [...templateRoots, ...scope.names()] };
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    switch (shape.kind) {
      case 'open':
        return { shape };
      case 'list':
        if (typeof segment !== 'string' || segment === 'first' || segment === 'last') shape = shape.of;
        else if (segment === 'size') shape = open;
        else return { failAt: i, candidates: [...listProperties], listHint: true };
        break;
      case 'record': {
        if (typeof segment !== 'string' || segment === 'size') return { shape: open };
        const field = shape.fields.get(segment);
        if (!field) return { failAt: i, candidates: [...shape.fields.keys()] };
        shape = field;
        break;
      }
      default: {
        const unhandled: never = shape;
        throw new Error(`unhandled shape ${JSON.stringify(unhandled)}`);
      }
    }
  }
  return { shape };
}

function unknownVariableMessage(segments: VariableSegments, failure: Exclude<Resolution, { shape: Shape }>, scope: LocalScope): string {
  const path = (parts: VariableSegments): string => new Variable(parts, { row: 0, col: 0 }).toString();
  const bad = String(segments[failure.failAt]);
  const written = `unknown variable "${path(segments)}"`;
  const match = closestMatch(bad, failure.candidates);
  if (match !== undefined) {
    const corrected = [...segments.slice(0, failure.failAt), match, ...segments.slice(failure.failAt + 1)];
    // Only a suggestion that is itself valid helps ("item.sku" after its loop is not "items.sku").
    if ('shape' in resolve(corrected, scope)) return `${written} (did you mean ${path(corrected)}?)`;
  }
  if (failure.failAt === 0) return `${written}: a template can use ${templateRoots.join(', ')}, and names set with assign, capture or for`;
  const parent = path(segments.slice(0, failure.failAt));
  if (failure.listHint) return `${written}: ${parent} is a list; use ${parent}.first, ${parent}[0], ${parent}.size or loop over it with {% for %}`;
  return `${written}: ${parent} has no field "${bad}"`;
}

class TemplateChecker {
  readonly issues: TemplateIssue[] = [];
  readonly #reported = new Set<string>();
  readonly #scope = new LocalScope();
  readonly #source: string;
  /** Offsets where lines start, computed on the first problem: a clean template never needs them. */
  #lineStarts: number[] | undefined;

  constructor(source: string) {
    this.#source = source;
  }

  walk(templates: Template[]): void {
    for (const template of templates) {
      const tagName = template instanceof Tag ? template.name : undefined;
      if (tagName !== undefined && fileTags.has(tagName)) {
        this.#report('unsupported-tag', `{% ${tagName} %} is not available: flow templates cannot load other template files`, template.token);
        continue;
      }
      for (const argument of template.arguments?.() ?? []) this.#checkArgument(argument);
      for (const ident of template.localScope?.() ?? []) this.#scope.assign(ident.content);
      if (!template.children) continue;
      const frame = template.blockScope ? this.#blockFrame(template) : undefined;
      if (frame) this.#scope.push(frame);
      this.walk(toValueSync(template.children(false, true)));
      if (frame) this.#scope.pop();
    }
  }

  #position(token: Token): { line: number; column: number } {
    if (!this.#lineStarts) {
      this.#lineStarts = [0];
      for (let i = 0; i < this.#source.length; i++) if (this.#source[i] === '\n') this.#lineStarts.push(i + 1);
    }
    const starts = this.#lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= token.begin) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: token.begin - (starts[low] ?? 0) + 1 };
  }

  #report(code: TemplateIssueCode, message: string, token: Token): void {
    // The same mistake repeated in one template is reported once, at its first use.
    if (this.#reported.has(message)) return;
    this.#reported.add(message);
    this.issues.push({ code, severity: 'error', message, ...this.#position(token) });
  }

  #checkArgument(argument: Argument): void {
    if (argument instanceof Value) {
      for (const filter of argument.filters) {
        if (Object.hasOwn(liquid.filters, filter.name)) continue;
        const match = closestMatch(filter.name, Object.keys(liquid.filters));
        // liquidjs keeps a filter's token private; it is the only record of where the filter was written.
        const filterToken = (filter as unknown as { token: Token }).token;
        this.#report('unknown-filter', `unknown filter "${filter.name}"${match ? ` (did you mean ${match}?)` : ''}`, filterToken);
      }
    }
    for (const { segments, token } of referencesIn(argument)) {
      const result = resolve(segments, this.#scope);
      if (!('shape' in result)) this.#report('unknown-variable', unknownVariableMessage(segments, result, this.#scope), token);
    }
  }

  /** A block's own names; a loop over a known list gives its variable the list's element shape. */
  #blockFrame(template: Template): Map<string, Shape> {
    const frame = new Map<string, Shape>([...(template.blockScope?.() ?? [])].map((name) => [name, open]));
    const loop = template as Partial<{ variable: unknown; collection: unknown }>;
    if (typeof loop.variable === 'string' && TypeGuards.isPropertyAccessToken(loop.collection)) {
      const [collection] = referencesIn(loop.collection);
      const result = collection ? resolve(collection.segments, this.#scope) : undefined;
      if (result && 'shape' in result && result.shape.kind === 'list') frame.set(loop.variable, result.shape.of);
    }
    return frame;
  }
}

const mjmlStart = /^\s*(?:<!--[\s\S]*?-->\s*)*<mjml[\s>]/i;

function analyzeUncached(source: string, kind: 'liquid' | 'mjml'): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  if (kind === 'mjml' && !(mjmlStart.test(source) && source.trimEnd().toLowerCase().endsWith('</mjml>')))
    issues.push({
      code: 'missing-mjml-root',
      severity: 'error',
      message: 'the email is not an MJML document: it must start with <mjml> and end with </mjml>',
      line: 1,
      column: 1,
    });
  let templates: Template[];
  try {
    templates = parse(source);
  } catch (error) {
    return [...issues, syntaxIssue(error)];
  }
  const checker = new TemplateChecker(source);
  checker.walk(templates);
  const found = checker.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return [...issues, ...found];
}

const cacheLimit = 2000;
// Flows repeat the same templates across nodes and validations; issues depend only on the text
// (and on the engine's filters and tags, which plugins register at start-up, before validating).
const cache = new Map<string, readonly TemplateIssue[]>();

/**
 * Static checks of one template: Liquid syntax, unknown filters, variables outside the template
 * scope (with a suggestion for typos), and for MJML the document root. Every issue at once.
 */
export function analyzeTemplate(source: string, kind: 'liquid' | 'mjml'): TemplateIssue[] {
  const key = `${kind}\n${source}`;
  let issues = cache.get(key);
  if (!issues) {
    issues = analyzeUncached(source, kind);
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
    cache.set(key, issues);
  }
  return issues.map((issue) => ({ ...issue }));
}
