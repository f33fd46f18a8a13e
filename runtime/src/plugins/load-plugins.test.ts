import { afterEach, describe, expect, it } from 'vitest';
import { loadPlugins, pluginLogLines, pluginSourcesFromEnv } from './load-plugins';
import { testPluginDir, type TestPluginDir } from './test-plugin-dir';
import { actionPluginFile, conditionAndTriggerPluginFile, pluginImports } from './test-plugin-files';

let folder: TestPluginDir | undefined;
afterEach(async () => {
  await folder?.remove();
  folder = undefined;
});

describe('loadPlugins from a folder', () => {
  it('loads every plugin file at the top of the folder, skipping tests, declarations and subfolders', async () => {
    folder = await testPluginDir({
      'points.ts': actionPluginFile('acme.addPoints'),
      'crm.ts': conditionAndTriggerPluginFile,
      'points.test.ts': 'throw new Error("a test file must not be imported");',
      'types.d.ts': 'export type X = 1;',
      'notes.md': '# not code',
      'nested/deep.ts': 'throw new Error("subfolders are not scanned");',
    });
    const plugins = await loadPlugins({ dir: folder.dir, cwd: '/', env: {} });

    expect(plugins.problems).toEqual([]);
    expect(plugins.report()).toEqual({
      plugins: [
        { source: 'crm.ts', types: ['acme.isVip', 'acme.reviewRequested'] },
        { source: 'points.ts', types: ['acme.addPoints'] },
      ],
      problems: [],
    });
    expect(plugins.registry.get('acme.addPoints')?.summary({ points: 5 })).toBe('Add 5 points');
    expect(plugins.registry.has('action.sendEmail')).toBe(true);
    expect(plugins.get('acme.reviewRequested')?.portable).toMatchObject({ kind: 'trigger', event: 'review.requested', source: 'crm.ts', category: 'trigger', version: 1 });
    expect(plugins.get('action.sendEmail')).toBeUndefined();
  });

  it('reports each broken file or plugin by name and loads the others', async () => {
    folder = await testPluginDir({
      'a-good.ts': actionPluginFile('acme.addPoints'),
      'b-throws.ts': `${pluginImports}throw new Error('the CRM client needs a region');\n`,
      'c-no-default.ts': `export const plugin = { type: 'acme.nothing' };\n`,
      'd-not-a-plugin.ts': `export default { kind: 'action', type: 'acme.half', title: 'Half' };\n`,
      'e-bad-defaults.ts': actionPluginFile('acme.badDefaults').replace('defaults: { points: 10 }', "defaults: { points: 'ten' }"),
      'f-duplicate.ts': actionPluginFile('acme.addPoints'),
      'g-reserved.ts': actionPluginFile('action.addPoints'),
      'h-syntax.ts': 'export default definePlugin({ kind: ',
    });
    const plugins = await loadPlugins({ dir: folder.dir, cwd: '/', env: {} });

    expect(plugins.report().plugins).toEqual([{ source: 'a-good.ts', types: ['acme.addPoints'] }]);
    const bySource = Object.fromEntries(plugins.problems.map((p) => [p.source, p]));
    expect(Object.keys(bySource)).toEqual(['b-throws.ts', 'c-no-default.ts', 'd-not-a-plugin.ts', 'e-bad-defaults.ts', 'f-duplicate.ts', 'g-reserved.ts', 'h-syntax.ts']);
    expect(bySource['b-throws.ts']).toEqual({ source: 'b-throws.ts', message: 'could not be loaded: the CRM client needs a region' });
    expect(bySource['c-no-default.ts']).toEqual({
      source: 'c-no-default.ts',
      message: 'has no default export: end the file with `export default definePlugin({ ... })` (or a list of plugins)',
    });
    expect(bySource['d-not-a-plugin.ts']).toMatchObject({ source: 'd-not-a-plugin.ts', type: 'acme.half' });
    expect(bySource['d-not-a-plugin.ts']?.message).toContain('an action needs execute(ctx)');
    expect(bySource['e-bad-defaults.ts']).toMatchObject({ type: 'acme.badDefaults' });
    expect(bySource['e-bad-defaults.ts']?.message).toContain('defaults do not pass configSchema: points:');
    expect(bySource['f-duplicate.ts']).toEqual({
      source: 'f-duplicate.ts',
      type: 'acme.addPoints',
      message: 'the type "acme.addPoints" is already taken by the plugin in a-good.ts; give this one another name',
    });
    expect(bySource['g-reserved.ts']?.message).toContain('uses the namespace "action", which the built-in nodes have');
    expect(bySource['h-syntax.ts']?.message).toMatch(/^could not be loaded: /);
    expect(pluginLogLines(plugins)).toEqual([
      '[plugins] a-good.ts: loaded acme.addPoints',
      ...plugins.problems.map((p) => `[plugins] ${p.source}${p.type ? ` (${p.type})` : ''}: ${p.message}`),
    ]);
  });

  it('loads a plugin whose secrets are missing, reports them, and hands it those that are set', async () => {
    folder = await testPluginDir({ 'points.ts': actionPluginFile('acme.addPoints', "secrets: ['LOYALTY_API_URL', 'LOYALTY_API_KEY', 'LOYALTY_REGION'],") });
    const plugins = await loadPlugins({ dir: folder.dir, cwd: '/', env: { LOYALTY_API_URL: 'http://loyalty.test', LOYALTY_REGION: '' } });

    expect(plugins.get('acme.addPoints')?.secrets).toEqual({ LOYALTY_API_URL: 'http://loyalty.test' });
    expect(plugins.problems).toEqual([
      { source: 'points.ts', type: 'acme.addPoints', message: 'the secrets LOYALTY_API_KEY, LOYALTY_REGION are not set in the environment; its nodes fail until they are' },
    ]);
  });

  it('has no plugins and no problems when the folder does not exist', async () => {
    folder = await testPluginDir();
    const plugins = await loadPlugins({ dir: 'plugins', cwd: folder.dir, env: {} });
    expect(plugins.report()).toEqual({ plugins: [], problems: [] });
    expect(plugins.registry.list().map((d) => d.type)).not.toContain('acme.addPoints');
  });
});

describe('loadPlugins from npm packages', () => {
  it('resolves the packages from the working directory, in the order listed', async () => {
    folder = await testPluginDir(
      {
        'node_modules/acme-nudgeflow/package.json': JSON.stringify({ name: 'acme-nudgeflow', type: 'module', exports: './index.js' }),
        // A package ships JavaScript; definePlugin only helps inference, so a plain object does.
        'node_modules/acme-nudgeflow/index.js': `import { z } from 'zod';
export default {
  kind: 'action', type: 'acme.sendGift', title: 'Send a gift', description: 'Ships a gift.',
  config: z.object({ sku: z.string().meta({ title: 'Gift SKU' }) }), defaults: { sku: 'MUG' },
  summary: (c) => 'Send ' + c.sku, execute: async () => {},
};
`,
      },
      { ownNodeModules: true },
    );
    const sources = pluginSourcesFromEnv({ NUDGEFLOW_PLUGINS_DIR: 'plugins', NUDGEFLOW_PLUGINS: ' acme-nudgeflow , not-installed-nudgeflow-plugin,' }, {}, folder.dir);
    expect(sources).toEqual({ dir: 'plugins', packages: ['acme-nudgeflow', 'not-installed-nudgeflow-plugin'], cwd: folder.dir, env: {} });
    const plugins = await loadPlugins(sources);

    expect(plugins.report()).toEqual({
      plugins: [{ source: 'acme-nudgeflow', types: ['acme.sendGift'] }],
      problems: [
        {
          source: 'not-installed-nudgeflow-plugin',
          message: `the npm package is not installed here (${folder.dir}): npm install not-installed-nudgeflow-plugin`,
        },
      ],
    });
    expect(plugins.get('acme.sendGift')?.portable).toMatchObject({ source: 'acme-nudgeflow', kind: 'action', outputs: [{ id: 'next', label: 'Next' }] });
  });
});
