import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's node_modules: plugin files in a temp folder import zod and @nudgeflow/shared/plugins from there. */
const REPO_NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));

export interface TestPluginDir {
  /** The folder (use it as NUDGEFLOW_PLUGINS_DIR, or as the working directory for npm packages). */
  dir: string;
  /** Writes a file at a path relative to the folder, creating folders on the way. */
  write(file: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A fresh folder outside the repository for plugin files, as a developer's plugins folder would
 * be: its node_modules points at the repository's, so that imports resolve as in a real install.
 * With `ownNodeModules`, node_modules is a folder of its own (npm packages can be written into
 * it) holding links to zod and @nudgeflow only.
 */
export async function testPluginDir(files: Record<string, string> = {}, options: { ownNodeModules?: boolean } = {}): Promise<TestPluginDir> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nudgeflow-plugins-'));
  const modules = path.join(dir, 'node_modules');
  if (options.ownNodeModules) {
    await mkdir(modules);
    for (const name of ['zod', '@nudgeflow']) await symlink(path.join(REPO_NODE_MODULES, name), path.join(modules, name), 'dir');
  } else await symlink(REPO_NODE_MODULES, modules, 'dir');
  const handle: TestPluginDir = {
    dir,
    async write(file, content) {
      const target = path.join(dir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
      return target;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  for (const [file, content] of Object.entries(files)) await handle.write(file, content);
  return handle;
}
