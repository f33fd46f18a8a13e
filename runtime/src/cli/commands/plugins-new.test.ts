import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyNodePlugin } from '@nudgeflow/shared/plugins';
import { checkPlugin, runPluginNode } from '../../plugins/testing';
import type { CliIO } from '../io';
import { pluginsNewCommand } from './plugins-new';

// Inside the repository (in the ignored .data folder), so the files' package imports resolve as in a clone.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let dir: string;

beforeAll(async () => {
  await mkdir(join(repoRoot, '.data'), { recursive: true });
  dir = await mkdtemp(join(repoRoot, '.data', 'plugins-new-test-'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => out.push(t) };
  const code = await pluginsNewCommand(args, io, {});
  return { code, out: out.join('\n') };
}

async function load(file: string): Promise<AnyNodePlugin> {
  return ((await import(join(dir, file))) as { default: AnyNodePlugin }).default;
}

describe('nudgeflow plugins new', () => {
  it('writes an action and its test that load and run', async () => {
    const r = await run('acme.addPoints', '--dir', dir);
    expect(r).toEqual({
      code: 0,
      out: `wrote ${join(dir, 'add-points.ts')} and ${join(dir, 'add-points.test.ts')}\nnext: npx vitest run ${join(dir, 'add-points.test.ts')}, then restart Nudgeflow (the API and the worker) to load it`,
    });
    const plugin = await load('add-points.ts');
    expect(plugin).toMatchObject({ kind: 'action', type: 'acme.addPoints', title: 'Add points' });
    expect(() => checkPlugin(plugin)).not.toThrow();
    // What the generated test expects.
    await expect(runPluginNode(plugin, { config: { note: 'Welcome' }, contact: { id: 'c-1', email: 'jana@example.com' } })).resolves.toEqual({
      output: 'next',
      detail: 'Welcome for jana@example.com',
      logs: [{ message: 'ran', fields: { note: 'Welcome', idempotencyKey: 'test-run:node-1:1' } }],
    });
    expect(await readFile(join(dir, 'add-points.test.ts'), 'utf8')).toContain("import plugin from './add-points';");
  });

  it('writes a condition with --kind condition', async () => {
    expect((await run('acme.isVipCustomer', '--kind', 'condition', '--dir', dir)).code).toBe(0);
    const plugin = await load('is-vip-customer.ts');
    expect(plugin).toMatchObject({ kind: 'condition', type: 'acme.isVipCustomer', title: 'Is vip customer' });
    expect(() => checkPlugin(plugin)).not.toThrow();
    await expect(runPluginNode(plugin, { config: { tag: 'vip' }, contact: { id: 'c-1', tags: ['vip'] } })).resolves.toEqual({
      output: 'yes',
      matched: true,
      detail: 'tagged "vip"',
      logs: [],
    });
  });

  it('says when the folder is outside the checkout, where the plugin could not import its API', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'plugins-new-outside-'));
    try {
      const r = await run('acme.addPoints', '--dir', outside);
      expect(r.code).toBe(0);
      expect(r.out.split('\n').at(-1)).toBe(
        `note: ${outside} is outside the Nudgeflow checkout, so the plugin cannot import @nudgeflow/shared/plugins from there; keep plugins in the checkout's plugins folder, or mount this one there`,
      );
      // Inside the checkout there is none: the first test sees exactly two lines.
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses a type the loader would refuse, and overwrites only with --force', async () => {
    await expect(run('addPoints', '--dir', dir)).rejects.toThrow('type "addPoints" must be a namespace and a name in lower camel case, like "acme.addPoints"');
    await expect(run('action.addPoints', '--dir', dir)).rejects.toThrow('uses the namespace "action", which the built-in nodes have');
    await expect(run('acme.ping', '--kind', 'trigger', '--dir', dir)).rejects.toThrow('--kind must be action or condition (got "trigger")');

    await writeFile(join(dir, 'ping.ts'), '// mine\n');
    await expect(run('acme.ping', '--dir', dir)).rejects.toThrow(`${join(dir, 'ping.ts')} already exists; use --force to overwrite`);
    expect(await readFile(join(dir, 'ping.ts'), 'utf8')).toBe('// mine\n');
    expect((await run('acme.ping', '--dir', dir, '--force')).code).toBe(0);
    expect(await readFile(join(dir, 'ping.ts'), 'utf8')).toContain("type: \"acme.ping\"");
    expect((await readdir(dir)).sort()).toEqual(['add-points.test.ts', 'add-points.ts', 'is-vip-customer.test.ts', 'is-vip-customer.ts', 'ping.test.ts', 'ping.ts']);
  });
});
