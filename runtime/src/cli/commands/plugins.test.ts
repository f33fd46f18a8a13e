import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testPluginDir, type TestPluginDir } from '../../plugins/test-plugin-dir';
import { actionPluginFile } from '../../plugins/test-plugin-files';
import { graphOf } from '../../temporal/test-flows';
import { runCli } from '../cli-harness';

let folder: TestPluginDir;
beforeEach(async () => {
  folder = await testPluginDir({ 'points.ts': actionPluginFile('acme.addPoints'), 'broken.ts': "throw new Error('no region configured');\n" });
  vi.stubEnv('NUDGEFLOW_PLUGINS_DIR', folder.dir);
  vi.stubEnv('NUDGEFLOW_PLUGINS', '');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await folder.remove();
});

describe('nudgeflow plugins', () => {
  it('says what loaded and what did not, and exits 1 for the problem', async () => {
    expect(await runCli('plugins')).toEqual({
      code: 1,
      out: [`Plugins from ${folder.dir}:`, '  points.ts  acme.addPoints'].join('\n'),
      err: ['1 problem:', '  broken.ts: could not be loaded: no region configured'].join('\n'),
    });
  });

  it('--json prints what GET /api/plugins serves; exit 0 without problems', async () => {
    // Fixed: a file exporting an empty list adds nothing and is no problem.
    await folder.write('broken.ts', 'export default [];\n');
    const result = await runCli('plugins', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ plugins: [{ source: 'points.ts', types: ['acme.addPoints'] }], problems: [] });
  });

  it('hands `plugins new` to the scaffold, and refuses other words', async () => {
    expect(await runCli('plugins', 'new')).toEqual({
      code: 2,
      out: '',
      err: 'nudgeflow plugins: expected one node type, like acme.addPoints\nusage: nudgeflow plugins new TYPE [--kind action|condition] [--dir DIR] [--force]',
    });
    expect(await runCli('plugins', 'list')).toEqual({ code: 2, out: '', err: 'nudgeflow plugins: unexpected "list"\nusage: nudgeflow plugins [--json | new TYPE]' });
  });
});

describe('the CLI with plugins', () => {
  it('validates a flow using a plugin type against the plugin, and reports the broken file on stderr', async () => {
    const flow = graphOf('Points', [['trigger', 'trigger.event', { event: 'order.created' }], ['points', 'acme.addPoints', { points: -1 }]], ['trigger->points']);
    const file = await folder.write('flow.json', JSON.stringify(flow));
    const result = await runCli('validate', file, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out).problems).toEqual([expect.objectContaining({ severity: 'error', code: 'invalid-config', nodeId: 'points', field: 'points' })]);
    expect(result.err).toBe('[plugins] broken.ts: could not be loaded: no region configured');
  });

  it('lists plugin types among the node types, with their source', async () => {
    const types = JSON.parse((await runCli('node-types', '--json')).out) as { type: string; source?: string }[];
    expect(types.find((t) => t.type === 'acme.addPoints')).toMatchObject({ kind: 'action', source: 'points.ts', version: 1 });
    expect(types.find((t) => t.type === 'action.sendSms')).not.toHaveProperty('source');
  });
});
