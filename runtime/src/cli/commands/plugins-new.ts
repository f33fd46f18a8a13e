import { access, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { validatePluginShape } from '@nudgeflow/shared/plugins';
import { z } from 'zod';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export const pluginsNewUsage = 'nudgeflow plugins new TYPE [--kind action|condition] [--dir DIR] [--force]';

const kinds = ['action', 'condition'] as const;
type ScaffoldKind = (typeof kinds)[number];

export interface ScaffoldFile {
  name: string;
  content: string;
}

/** "acme.addPoints" -> "add-points" (the file name) and "Add points" (the title). */
function names(type: string): { file: string; title: string } {
  const name = type.slice(type.lastIndexOf('.') + 1);
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/).filter(Boolean);
  const title = words.join(' ');
  return { file: words.join('-'), title: title.charAt(0).toUpperCase() + title.slice(1) };
}

/** The type's problems as the loader would report them; the rest of the probe is well-formed on purpose. */
function typeProblems(type: string, kind: ScaffoldKind): string[] {
  const probe = { kind, type, title: 'probe', description: 'probe', config: z.object({}), defaults: {}, summary: () => 'probe', execute: async () => {}, evaluate: async () => true };
  return validatePluginShape(probe);
}

function actionSource(type: string, title: string): string {
  return `import { z } from 'zod';
import { definePlugin, PluginInputError } from '@nudgeflow/shared/plugins';

/*
 * ${title}: a custom action. Nudgeflow loads every file at the top of its plugins folder
 * (NUDGEFLOW_PLUGINS_DIR, default "plugins") when the API and the worker start.
 * The guide: "Custom node types" in Nudgeflow's README.
 */
export default definePlugin({
  kind: 'action',
  type: ${JSON.stringify(type)},
  title: ${JSON.stringify(title)},
  description: 'What this node does, in one sentence, for the palette.',
  icon: 'puzzle',
  config: z.object({
    note: z.string().trim().min(1).meta({ title: 'Note', description: "Shown in the run's step log" }),
  }),
  defaults: { note: 'Hello' },
  summary: (config) => \`${title}: \${config.note}\`,
  // Environment variables it needs (API keys, URLs) go here, e.g. ['ACME_API_KEY']; read them from ctx.secrets.
  secrets: [],

  async execute({ config, contact, idempotencyKey, log }) {
    // Bad input no retry can fix: the node fails at once. Any other error is retried.
    if (!contact.email) throw new PluginInputError('the contact has no email address');
    // Call your API here with fetch(url, { signal }), sending idempotencyKey along (e.g. as an
    // Idempotency-Key header) so that a retry does not do the work twice.
    log('ran', { note: config.note, idempotencyKey });
    return { detail: \`\${config.note} for \${contact.email}\` };
  },
});
`;
}

function actionTest(type: string, file: string): string {
  return `import { describe, expect, it } from 'vitest';
import { checkPlugin, runPluginNode } from '@nudgeflow/runtime/plugin-testing';
import plugin from './${file}';

describe(${JSON.stringify(type)}, () => {
  it('meets the plugin contract', () => {
    expect(() => checkPlugin(plugin)).not.toThrow();
  });

  it('runs for a contact', async () => {
    const result = await runPluginNode(plugin, { config: { note: 'Welcome' }, contact: { id: 'c-1', email: 'jana@example.com' } });
    expect(result).toEqual({
      output: 'next',
      detail: 'Welcome for jana@example.com',
      logs: [{ message: 'ran', fields: { note: 'Welcome', idempotencyKey: 'test-run:node-1:1' } }],
    });
  });
});
`;
}

function conditionSource(type: string, title: string): string {
  return `import { z } from 'zod';
import { definePlugin } from '@nudgeflow/shared/plugins';

/*
 * ${title}: a custom condition ("Yes" / "No"). Nudgeflow loads every file at the top of its
 * plugins folder (NUDGEFLOW_PLUGINS_DIR, default "plugins") when the API and the worker start.
 * The guide: "Custom node types" in Nudgeflow's README.
 */
export default definePlugin({
  kind: 'condition',
  type: ${JSON.stringify(type)},
  title: ${JSON.stringify(title)},
  description: 'What this check asks, in one sentence, for the palette.',
  icon: 'puzzle',
  config: z.object({
    tag: z.string().trim().min(1).meta({ title: 'Tag', description: 'Yes when the contact has this tag' }),
  }),
  defaults: { tag: 'vip' },
  summary: (config) => \`If tagged "\${config.tag}"\`,
  // Environment variables it needs (API keys, URLs) go here, e.g. ['ACME_API_KEY']; read them from ctx.secrets.
  secrets: [],

  async evaluate({ config, contact }) {
    // Ask your API here with fetch(url, { signal }); a thrown error is retried.
    const matched = contact.tags.includes(config.tag);
    return { matched, detail: matched ? \`tagged "\${config.tag}"\` : \`not tagged "\${config.tag}"\` };
  },
});
`;
}

function conditionTest(type: string, file: string): string {
  return `import { describe, expect, it } from 'vitest';
import { checkPlugin, runPluginNode } from '@nudgeflow/runtime/plugin-testing';
import plugin from './${file}';

describe(${JSON.stringify(type)}, () => {
  it('meets the plugin contract', () => {
    expect(() => checkPlugin(plugin)).not.toThrow();
  });

  it('answers yes for a tagged contact and no otherwise', async () => {
    const tagged = await runPluginNode(plugin, { config: { tag: 'vip' }, contact: { id: 'c-1', tags: ['vip'] } });
    expect(tagged).toEqual({ output: 'yes', matched: true, detail: 'tagged "vip"', logs: [] });
    const other = await runPluginNode(plugin, { config: { tag: 'vip' }, contact: { id: 'c-2', tags: [] } });
    expect(other).toEqual({ output: 'no', matched: false, detail: 'not tagged "vip"', logs: [] });
  });
});
`;
}

/** The plugin file and its test for a new custom node type. */
export function pluginScaffold(type: string, kind: ScaffoldKind): ScaffoldFile[] {
  const { file, title } = names(type);
  switch (kind) {
    case 'action':
      return [
        { name: `${file}.ts`, content: actionSource(type, title) },
        { name: `${file}.test.ts`, content: actionTest(type, file) },
      ];
    case 'condition':
      return [
        { name: `${file}.ts`, content: conditionSource(type, title) },
        { name: `${file}.test.ts`, content: conditionTest(type, file) },
      ];
    default: {
      const unknown: never = kind;
      throw new CliError(`unknown kind "${String(unknown)}"`);
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Whether a file in `dir` can import the plugin API: only inside a checkout (or a project that installed it). */
function importsResolveFrom(dir: string): boolean {
  try {
    createRequire(join(resolve(dir), 'plugin.js')).resolve('@nudgeflow/shared/plugins');
    return true;
  } catch {
    return false;
  }
}

/** `nudgeflow plugins new TYPE`: writes a working custom node type and its test into the plugins folder. */
export async function pluginsNewCommand(args: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { kind: { type: 'string' }, dir: { type: 'string' }, force: { type: 'boolean' } }, pluginsNewUsage);
  const [type, ...extra] = positionals;
  if (!type || extra.length) throw new CliError(`expected one node type, like acme.addPoints\nusage: ${pluginsNewUsage}`);
  const kind = (values.kind ?? 'action') as ScaffoldKind;
  if (!kinds.includes(kind)) throw new CliError(`--kind must be ${kinds.join(' or ')} (got "${values.kind}")`);
  const problems = typeProblems(type, kind);
  if (problems.length) throw new CliError(problems.join('\n'));
  const dir = values.dir ?? (env.NUDGEFLOW_PLUGINS_DIR || 'plugins');
  const files = pluginScaffold(type, kind).map((f) => ({ ...f, path: join(dir, f.name) }));
  if (!values.force)
    for (const f of files) if (await exists(f.path)) throw new CliError(`${f.path} already exists; use --force to overwrite`);
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFile(f.path, f.content);
  const [source, test] = files;
  io.out(`wrote ${source?.path} and ${test?.path}`);
  io.out(`next: npx vitest run ${test?.path}, then restart Nudgeflow (the API and the worker) to load it`);
  // Written anyway (the folder may be mounted into the checkout later), but said now, not at the next start.
  if (!importsResolveFrom(dir))
    io.err(`note: ${dir} is outside the Nudgeflow checkout, so the plugin cannot import @nudgeflow/shared/plugins from there; keep plugins in the checkout's plugins folder, or mount this one there`);
  return 0;
}
