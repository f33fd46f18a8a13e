import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository the CLI runs from (the editor and shared sources are beside the runtime). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What the editor bundle is built from: a change to any of these makes editor/dist stale. */
export function editorSources(root: string): string[] {
  return ['editor/src', 'editor/public', 'editor/index.html', 'editor/vite.config.ts', 'shared/src'].map((p) => join(root, p));
}

/** The newest modification time (ms) of a file or of any file under a folder; 0 when it does not exist. */
export async function newestChange(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry))));
  return Math.max(0, ...times);
}

/** Why editor/dist must be (re)built, or undefined when it is up to date. */
export async function editorBuildReason(root: string): Promise<string | undefined> {
  const built = await newestChange(join(root, 'editor', 'dist', 'index.html'));
  if (built === 0) return 'editor/dist does not exist';
  const changes = await Promise.all(editorSources(root).map(newestChange));
  return Math.max(...changes) > built ? 'the sources changed since the last build' : undefined;
}

export type EditorBuilder = (configFile: string) => Promise<void>;

/**
 * Vite, loaded only here: production images ship a built editor and no Vite. Vite and the React
 * plugin keep a NODE_ENV they find (vitest sets "test", a dev shell may set "development") and
 * would then ship React's development build and dev JSX: the build runs with "production".
 */
export const viteBuild: EditorBuilder = async (configFile) => {
  const { build } = await import('vite');
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, logLevel: 'warn', mode: 'production' });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
};

export type EditorBuildResult = 'up to date' | 'built' | 'failed';

/**
 * `nudgeflow dev` runs this before the API starts, so a fresh clone (or a pull that changed the
 * editor) serves a current editor with no separate step. A failed build is reported, not fatal:
 * the API still starts, and `/` then says how to build the editor.
 */
export async function ensureEditorBuilt(options: { root?: string; log: (line: string) => void; build?: EditorBuilder }): Promise<EditorBuildResult> {
  const root = options.root ?? repoRoot;
  const reason = await editorBuildReason(root);
  if (!reason) return 'up to date';
  options.log(`building the editor… (${reason})`);
  const started = performance.now();
  try {
    await (options.build ?? viteBuild)(join(root, 'editor', 'vite.config.ts'));
  } catch (error) {
    options.log(`could not build the editor: ${error instanceof Error ? error.message : String(error)} (run "npm run build" to see why)`);
    return 'failed';
  }
  options.log(`built the editor in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}
