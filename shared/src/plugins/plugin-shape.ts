import { eventTypeSchema } from '../data/event-type';
import { checkNodeContract } from '../nodes/contract';
import { RESERVED_NAMESPACES } from './plugin-behavior';
import { pluginNodeDefinition } from './plugin-definition';
import type { AnyNodePlugin } from './types';
import { PLUGIN_LIMITS } from './limits';

/** A namespace, then a name in lower camel case: "acme.addPoints", "heureka.reviewRequest". */
const TYPE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][A-Za-z0-9]*)+$/;
const SECRET_PATTERN = /^[A-Z][A-Z0-9_]*$/;
const KINDS = ['action', 'condition', 'trigger'];

type Shape = Record<string, unknown>;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isZodSchema(value: unknown): boolean {
  const schema = value as { _zod?: { def?: unknown }; safeParse?: unknown } | null;
  return typeof schema === 'object' && schema !== null && typeof schema._zod?.def === 'object' && typeof schema.safeParse === 'function';
}

function typeProblems(type: unknown): string[] {
  if (type === undefined) return ['type is missing: name the node type like "acme.addPoints"'];
  if (typeof type !== 'string' || !TYPE_PATTERN.test(type)) return [`type ${JSON.stringify(type)} must be a namespace and a name in lower camel case, like "acme.addPoints"`];
  const namespace = type.slice(0, type.indexOf('.'));
  if (RESERVED_NAMESPACES.includes(namespace)) return [`type "${type}" uses the namespace "${namespace}", which the built-in nodes have; use your own, like "acme.${type.slice(namespace.length + 1)}"`];
  return [];
}

function textProblems(plugin: Shape): string[] {
  const problems: string[] = [];
  for (const key of ['title', 'description'] as const) if (!isText(plugin[key])) problems.push(`${key} is missing`);
  for (const key of ['icon', 'color'] as const) if (plugin[key] !== undefined && !isText(plugin[key])) problems.push(`${key} must be text, e.g. ${key === 'icon' ? '"star"' : '"#16a34a"'}`);
  return problems;
}

function configProblems(plugin: Shape): string[] {
  const problems: string[] = [];
  if (!isZodSchema(plugin.config)) problems.push('config must be a zod schema, e.g. z.object({ points: z.number().meta({ title: "Points" }) })');
  if (typeof plugin.defaults !== 'object' || plugin.defaults === null || Array.isArray(plugin.defaults)) problems.push('defaults must be an object: the config of a new node');
  if (typeof plugin.summary !== 'function') problems.push('summary must be a function of the config, e.g. (c) => `Add ${c.points} points`');
  if (plugin.check !== undefined && typeof plugin.check !== 'function') problems.push('check must be a function of the config that returns problems');
  return problems;
}

function migrationProblems(migrations: unknown): string[] {
  if (migrations === undefined) return [];
  if (!Array.isArray(migrations)) return ['migrations must be a list of { to, up, down }'];
  return migrations.flatMap((step: Shape | null, i) =>
    typeof step === 'object' && step !== null && typeof step.to === 'number' && typeof step.up === 'function' && typeof step.down === 'function'
      ? []
      : [`migration ${i + 1} must be { to, up(config), down(config) }`],
  );
}

function secretProblems(secrets: unknown): string[] {
  if (secrets === undefined) return [];
  if (!Array.isArray(secrets)) return ['secrets must be a list of environment variable names, like ["LOYALTY_API_KEY"]'];
  return secrets.filter((s) => typeof s !== 'string' || !SECRET_PATTERN.test(s)).map((s) => `secret ${JSON.stringify(s)} is not an environment variable name like "LOYALTY_API_KEY"`);
}

function outputProblems(outputs: unknown): string[] {
  if (outputs === undefined) return [];
  const valid = Array.isArray(outputs) && outputs.length > 0 && outputs.every((o: Shape | null) => typeof o === 'object' && o !== null && isText(o.id) && isText(o.label));
  return valid ? [] : ['outputs must be a non-empty list of { id, label }, e.g. [{ id: "next", label: "Next" }]'];
}

function limitProblems(plugin: Shape): string[] {
  const problems: string[] = [];
  const { maxAttempts, timeoutSeconds } = plugin;
  const limits = plugin.kind === 'action' || plugin.kind === 'condition' ? PLUGIN_LIMITS[plugin.kind] : undefined;
  if (maxAttempts !== undefined && (!Number.isInteger(maxAttempts) || (maxAttempts as number) < 1)) problems.push('maxAttempts must be a whole number, 1 or more');
  else if (limits && typeof maxAttempts === 'number' && maxAttempts > limits.maxAttempts) problems.push(`maxAttempts can be at most ${limits.maxAttempts} for ${plugin.kind === 'action' ? 'an action' : 'a condition'}`);
  if (timeoutSeconds !== undefined && (typeof timeoutSeconds !== 'number' || !(timeoutSeconds > 0) || !Number.isFinite(timeoutSeconds)))
    problems.push('timeoutSeconds must be a number of seconds above 0');
  else if (limits && typeof timeoutSeconds === 'number' && timeoutSeconds > limits.timeoutSeconds)
    problems.push(`timeoutSeconds can be at most ${limits.timeoutSeconds} for ${plugin.kind === 'action' ? 'an action' : 'a condition'} (the worker's activity ends an attempt soon after)`);
  return problems;
}

function kindProblems(plugin: Shape): string[] {
  switch (plugin.kind) {
    case 'action':
      return [...(typeof plugin.execute === 'function' ? [] : ['an action needs execute(ctx), the function that does the work']), ...outputProblems(plugin.outputs), ...limitProblems(plugin)];
    case 'condition':
      return [...(typeof plugin.evaluate === 'function' ? [] : ['a condition needs evaluate(ctx), the function that answers it']), ...outputProblems(plugin.outputs), ...limitProblems(plugin)];
    case 'trigger':
      return eventTypeSchema.safeParse(plugin.event).success ? [] : [`a trigger needs the event that starts it, like event: "review.requested" (got ${JSON.stringify(plugin.event) ?? 'none'})`];
    default:
      return [`kind must be one of ${KINDS.map((k) => `"${k}"`).join(', ')} (got ${JSON.stringify(plugin.kind) ?? 'none'})`];
  }
}

/**
 * What is wrong with the shape of a value that should be a plugin (a module's default export):
 * empty when it is a well-formed definePlugin({...}). Plain English, one problem per entry.
 */
export function validatePluginShape(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['this is not a plugin: export definePlugin({ kind, type, title, ... })'];
  const plugin = value as Shape;
  return [
    ...typeProblems(plugin.type),
    ...kindProblems(plugin),
    ...textProblems(plugin),
    ...configProblems(plugin),
    ...migrationProblems(plugin.migrations),
    ...secretProblems(plugin.secrets),
  ];
}

/**
 * Everything that keeps a plugin from loading: its shape, then the contract every node type
 * meets (defaults pass the schema, fields have titles, migrations round-trip, summary renders).
 */
export function pluginProblems(value: unknown, source: string): string[] {
  const shape = validatePluginShape(value);
  if (shape.length > 0) return shape;
  return checkNodeContract(pluginNodeDefinition(value as AnyNodePlugin, source));
}
