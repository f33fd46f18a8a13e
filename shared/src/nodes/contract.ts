import { z } from 'zod';
import { downgradeConfig, migrateConfig } from './migrate';
import type { AnyNodeDefinition, BehaviorKind, NodeCategory } from './types';

/**
 * What every node type, built-in or plugin, must satisfy for the editor, validator and
 * interpreter to handle it without special cases. Returns the violations; empty means OK.
 * Plain function (no test framework) so a plugin's own tests and a plugin loader can call it.
 */
export function checkNodeContract(def: AnyNodeDefinition): string[] {
  const problems = [...identityProblems(def), ...versionProblems(def), ...schemaProblems(def)];
  const parsed = def.configSchema?.safeParse?.(def.defaults);
  if (!parsed?.success) {
    const issues = parsed?.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.join('.') || '(config)'}: ${i.message}`).join('; ');
    return [...problems, `defaults do not pass configSchema: ${issues ?? 'configSchema cannot parse'}`];
  }
  const config = parsed.data as Record<string, unknown>;
  const outputs = attempt(problems, 'outputs()', () => def.outputs(config));
  return [
    ...problems,
    ...migrationProblems(def, config),
    ...summaryProblems(def, config),
    ...outputProblems(def, outputs),
    ...behaviorProblems(def, config),
    ...fieldPointerProblems(def, config),
  ];
}

const kindsByCategory: Record<NodeCategory, readonly BehaviorKind[]> = {
  trigger: ['eventTrigger', 'scheduleTrigger'],
  condition: ['branch', 'lookup'],
  wait: ['wait'],
  action: ['effect'],
  flow: ['exit'],
};

const requiredCallbacks: Record<BehaviorKind, readonly string[]> = {
  eventTrigger: ['eventType', 'matches'],
  scheduleTrigger: ['nextFireAt'],
  branch: ['choose'],
  lookup: ['query', 'choose'],
  wait: ['plan'],
  effect: [],
  exit: ['reason'],
};

function identityProblems(def: AnyNodeDefinition): string[] {
  const problems: string[] = [];
  if (typeof def.type !== 'string' || !/^[a-z][A-Za-z0-9_-]*(\.[A-Za-z][A-Za-z0-9_-]*)+$/.test(def.type))
    problems.push(`type "${String(def.type)}" is not namespaced like "acme.addPoints"`);
  for (const key of ['title', 'description', 'icon', 'color'] as const)
    if (typeof def[key] !== 'string' || def[key].trim() === '') problems.push(`${key} is missing`);
  return problems;
}

function versionProblems(def: AnyNodeDefinition): string[] {
  const migrations = def.migrations ?? [];
  const problems: string[] = [];
  if (def.version !== 1 + migrations.length)
    problems.push(`version is ${def.version} but ${migrations.length} migration(s) make it ${1 + migrations.length}`);
  migrations.forEach((m, i) => {
    if (m.to !== i + 2) problems.push(`migration ${i + 1} goes to version ${m.to}; expected ${i + 2}`);
  });
  return problems;
}

interface SchemaShape {
  _zod?: { def?: { type?: string; discriminator?: unknown; options?: SchemaShape[] } };
}

function isObjectSchema(schema: SchemaShape): boolean {
  return schema._zod?.def?.type === 'object';
}

/** A form needs named fields: an object, or a union of objects told apart by one field. */
function schemaProblems(def: AnyNodeDefinition): string[] {
  const schema = def.configSchema as SchemaShape | undefined;
  const zodDef = schema?._zod?.def;
  if (!schema || !zodDef) return ['configSchema is not a zod schema'];
  const formable =
    isObjectSchema(schema) || (zodDef.type === 'union' && typeof zodDef.discriminator === 'string' && (zodDef.options ?? []).every(isObjectSchema));
  if (!formable) return [`configSchema is a zod ${zodDef.type ?? 'schema'}; it must be a z.object (or a z.discriminatedUnion of objects)`];

  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(def.configSchema, { io: 'input' }) as Record<string, unknown>;
  } catch (error) {
    return [`configSchema does not convert to JSON Schema: ${message(error)}`];
  }
  const variants = (json.oneOf ?? json.anyOf ?? [json]) as { properties?: Record<string, { title?: unknown }> }[];
  const untitled = new Set<string>();
  for (const variant of variants)
    for (const [name, property] of Object.entries(variant.properties ?? {}))
      if (typeof property.title !== 'string' || property.title === '') untitled.add(name);
  return [...untitled].map((name) => `config field "${name}" has no .meta({ title }) for the editor's form`);
}

function migrationProblems(def: AnyNodeDefinition, config: Record<string, unknown>): string[] {
  const migrations = def.migrations ?? [];
  if (migrations.some((m, i) => m.to !== i + 2)) return []; // already reported; round trips would only add noise
  const snapshot = JSON.stringify(config);
  const problems: string[] = [];
  for (let older = 1; older < def.version; older++) {
    try {
      const back = migrateConfig(def, downgradeConfig(def, config, older), older);
      if (!deepEqual(back, config))
        problems.push(`migrating the defaults down to version ${older} and back up gives ${JSON.stringify(back)}, not ${JSON.stringify(config)}`);
    } catch (error) {
      problems.push(`migrating the defaults down to version ${older} and back up threw: ${message(error)}`);
    }
  }
  if (JSON.stringify(config) !== snapshot) problems.push('a migration changed the config it was given; migrations must return new objects');
  return problems;
}

function summaryProblems(def: AnyNodeDefinition, config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const summary = attempt(problems, 'summary()', () => def.summary(config));
  if (summary !== undefined && (typeof summary !== 'string' || summary.trim() === '')) problems.push('summary() of the defaults is empty');
  return problems;
}

function outputProblems(def: AnyNodeDefinition, outputs: unknown): string[] {
  if (outputs === undefined) return [];
  if (!Array.isArray(outputs)) return ['outputs() does not return a list'];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const output of outputs as { id?: unknown; label?: unknown }[]) {
    if (typeof output.id !== 'string' || output.id === '') problems.push('an output has an empty id');
    else if (seen.has(output.id)) problems.push(`output id "${output.id}" appears twice`);
    else seen.add(output.id);
    if (typeof output.label !== 'string' || output.label === '') problems.push(`output "${String(output.id)}" has no label`);
  }
  const isExit = def.behavior?.kind === 'exit';
  if (isExit && outputs.length > 0) problems.push('an exit node must have no outputs');
  if (!isExit && outputs.length === 0) problems.push('outputs() of the defaults is empty; only exit nodes may have no outputs');
  return problems;
}

function behaviorProblems(def: AnyNodeDefinition, config: Record<string, unknown>): string[] {
  const behavior = def.behavior as { kind?: BehaviorKind } & Record<string, unknown>;
  const kind = behavior?.kind;
  const allowed = kindsByCategory[def.category] as readonly BehaviorKind[] | undefined;
  if (!allowed) return [`category "${String(def.category)}" is not one of ${Object.keys(kindsByCategory).join(', ')}`];
  if (!kind || !allowed.includes(kind)) return [`category "${def.category}" needs behavior ${allowed.join(' or ')}, not ${String(kind)}`];
  const problems = requiredCallbacks[kind].filter((name) => typeof behavior[name] !== 'function').map((name) => `behavior.${name} is missing`);
  if (problems.length > 0) return problems;
  // The callbacks that need nothing but the config can be tried on the defaults.
  const b = def.behavior;
  if (b.kind === 'eventTrigger') {
    const type = attempt(problems, 'behavior.eventType()', () => b.eventType(config));
    if (type !== undefined && (typeof type !== 'string' || type === '')) problems.push('behavior.eventType() of the defaults is empty');
  }
  if (b.kind === 'exit') {
    const reason = attempt(problems, 'behavior.reason()', () => b.reason(config));
    if (reason !== undefined && typeof reason !== 'string') problems.push('behavior.reason() does not return text');
  }
  return problems;
}

/** templates() and nodeRefs() name config fields; the validator reports problems at those paths. */
function fieldPointerProblems(def: AnyNodeDefinition, config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const checked = attempt(problems, 'check()', () => def.check?.(config) ?? []);
  if (checked !== undefined && !Array.isArray(checked)) problems.push('check() does not return a list');
  const templates = attempt(problems, 'templates()', () => def.templates?.(config) ?? []);
  for (const t of templates ?? []) {
    if (t.kind !== 'liquid' && t.kind !== 'mjml') problems.push(`template "${t.field}" has kind "${String(t.kind)}"; expected liquid or mjml`);
    const value = resolveField(config, t.field);
    if (typeof value !== 'string') problems.push(`template field "${t.field}" is not a text field of the config`);
    else if (value !== t.source) problems.push(`template field "${t.field}" reports a source different from the config's value`);
  }
  const refs = attempt(problems, 'nodeRefs()', () => def.nodeRefs?.(config) ?? []);
  for (const ref of refs ?? [])
    if (resolveField(config, ref.field) !== ref.nodeId) problems.push(`node reference "${ref.field}" does not hold the node id it reports`);
  return problems;
}

/** Follows a dotted path; a key may itself hold dots ("headers.X.Trace"), so longer keys are tried too. */
function resolveField(value: unknown, path: string): unknown {
  if (path === '') return value;
  if (value === null || typeof value !== 'object') return undefined;
  const parts = path.split('.');
  for (let i = parts.length; i >= 1; i--) {
    const key = parts.slice(0, i).join('.');
    if (Object.hasOwn(value, key)) {
      const found = resolveField((value as Record<string, unknown>)[key], parts.slice(i).join('.'));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Structural equality for JSON-like configs; a key holding undefined counts as absent. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)].filter((k) => ra[k] !== undefined || rb[k] !== undefined));
  return [...keys].every((k) => deepEqual(ra[k], rb[k]));
}

function attempt<T>(problems: string[], label: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    problems.push(`${label} of the defaults threw: ${message(error)}`);
    return undefined;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
