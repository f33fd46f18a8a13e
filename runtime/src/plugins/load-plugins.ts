import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinRegistry, type NodeRegistry } from '@nudgeflow/shared';
import { pluginProblems, type AnyNodePlugin } from '@nudgeflow/shared/plugins';
import { LoadedPlugins, loadedPlugin, type LoadedPlugin, type PluginProblem } from './loaded-plugins';

export interface PluginSources {
  /** The plugins folder (absolute, or relative to `cwd`); a folder that does not exist holds no plugins. */
  dir?: string;
  /** npm package names, resolved from `cwd`. */
  packages?: string[];
  cwd: string;
  /** Where declared secrets are read from. */
  env: NodeJS.ProcessEnv;
  /** The types plugins join (and must not clash with); the built-ins unless given. */
  base?: NodeRegistry;
}

/** A file the loader imports: code, not tests or type declarations that sit beside it. */
const PLUGIN_FILE = /\.(ts|js|mjs)$/;
const NOT_PLUGIN_FILE = /(\.d\.ts|\.(test|spec)\.(ts|js|mjs))$/;

interface Source {
  /** How problems and GET /api/plugins name it. */
  name: string;
  /** What to import, or why it cannot be. */
  url: string | { problem: string };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function folderSources(dir: string): Promise<{ sources: Source[]; problems: PluginProblem[] }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { sources: [], problems: [] };
    return { sources: [], problems: [{ source: dir, message: `the plugins folder cannot be read: ${messageOf(error)}` }] };
  }
  const names = entries.map((e) => e.name).filter((name) => PLUGIN_FILE.test(name) && !NOT_PLUGIN_FILE.test(name)).sort();
  const sources: Source[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    // A symlink counts when it points at a file; folders named like files do not.
    const isFile = await stat(file).then((s) => s.isFile(), () => false);
    if (isFile) sources.push({ name, url: pathToFileURL(file).href });
  }
  return { sources, problems: [] };
}

function packageSource(name: string, cwd: string): Source {
  try {
    const resolved = createRequire(path.join(cwd, 'package.json')).resolve(name);
    return { name, url: pathToFileURL(resolved).href };
  } catch (error) {
    const missing = (error as { code?: string }).code === 'MODULE_NOT_FOUND';
    return { name, url: { problem: missing ? `the npm package is not installed here (${cwd}): npm install ${name}` : `the npm package cannot be resolved: ${messageOf(error)}` } };
  }
}

type Module = { default?: unknown };

/**
 * Imports a plugin file or package. A .ts file outside any package.json saying "type": "module"
 * is CommonJS to tsx, and Node refuses to require its ES-module syntax from within the import
 * (ERR_REQUIRE_CYCLE_MODULE): such a file is imported again through tsx's own tsImport, which
 * compiles it to CommonJS with the default export under `default`.
 */
async function importModule(url: string): Promise<Module> {
  try {
    return (await import(url)) as Module;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_REQUIRE_CYCLE_MODULE') throw error;
    const { tsImport } = await import('tsx/esm/api');
    const module = (await tsImport(url, import.meta.url)) as Module;
    const inner = module.default as { __esModule?: boolean; default?: unknown } | undefined;
    return inner?.__esModule ? { default: inner.default } : module;
  }
}

/** The module's default export as a list of would-be plugins, or why it is none. */
async function importSource(source: Source): Promise<unknown[] | { problem: string }> {
  if (typeof source.url !== 'string') return source.url;
  let module: Module;
  try {
    module = await importModule(source.url);
  } catch (error) {
    return { problem: `could not be loaded: ${messageOf(error)}` };
  }
  const exported = module.default;
  if (exported === undefined) return { problem: 'has no default export: end the file with `export default definePlugin({ ... })` (or a list of plugins)' };
  return Array.isArray(exported) ? exported : [exported];
}

function typeOf(value: unknown): string | undefined {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof value === 'object' && typeof type === 'string' ? type : undefined;
}

/** The plugin as the server uses it, or the problems that keep it out. */
function admit(value: unknown, source: string, taken: (type: string) => string | undefined, env: NodeJS.ProcessEnv): { loaded?: LoadedPlugin; problems: string[] } {
  let problems: string[];
  try {
    problems = pluginProblems(value, source);
  } catch (error) {
    problems = [`checking it failed: ${messageOf(error)}`];
  }
  if (problems.length > 0) return { problems };
  const plugin = value as AnyNodePlugin;
  const owner = taken(plugin.type);
  if (owner) return { problems: [`the type "${plugin.type}" is already taken by ${owner}; give this one another name`] };
  const secrets: Record<string, string> = {};
  const unset: string[] = [];
  for (const name of plugin.secrets ?? []) {
    const value = env[name];
    if (value) secrets[name] = value;
    else unset.push(name);
  }
  let loaded: LoadedPlugin;
  try {
    loaded = loadedPlugin(plugin, source, secrets);
  } catch (error) {
    return { problems: [`could not be described for the editor and the workflow: ${messageOf(error)}`] };
  }
  // Still loaded: flows using it stay valid, and it works once the variable is set and the process restarted.
  const missing = unset.length ? [`the secret${unset.length === 1 ? '' : 's'} ${unset.join(', ')} ${unset.length === 1 ? 'is' : 'are'} not set in the environment; its nodes fail until ${unset.length === 1 ? 'it is' : 'they are'}`] : [];
  return { loaded, problems: missing };
}

/**
 * Loads custom node types from the plugins folder and npm packages, each source in isolation: a
 * file that throws on import, exports no plugin, has a bad shape or config, or claims a type that
 * is taken becomes a problem naming it, and the other plugins load. Files load in name order,
 * then packages in the order listed; of two plugins with the same type the first one wins.
 */
export async function loadPlugins(sources: PluginSources): Promise<LoadedPlugins> {
  const base = sources.base ?? builtinRegistry;
  const problems: PluginProblem[] = [];
  const loaded: LoadedPlugin[] = [];
  const all: Source[] = [];
  if (sources.dir !== undefined) {
    const folder = await folderSources(path.resolve(sources.cwd, sources.dir));
    all.push(...folder.sources);
    problems.push(...folder.problems);
  }
  for (const name of sources.packages ?? []) all.push(packageSource(name, sources.cwd));

  const taken = (type: string): string | undefined => {
    if (base.has(type)) return 'a built-in node type';
    const earlier = loaded.find((p) => p.plugin.type === type);
    return earlier ? `the plugin in ${earlier.source}` : undefined;
  };
  for (const source of all) {
    const values = await importSource(source);
    if (!Array.isArray(values)) {
      problems.push({ source: source.name, message: values.problem });
      continue;
    }
    for (const value of values) {
      const type = typeOf(value);
      const admitted = admit(value, source.name, taken, sources.env);
      if (admitted.loaded) loaded.push(admitted.loaded);
      if (admitted.problems.length) problems.push({ source: source.name, ...(type ? { type } : {}), message: admitted.problems.join('; ') });
    }
  }
  return new LoadedPlugins(loaded, problems, base);
}

/** The sources the environment names: NUDGEFLOW_PLUGINS_DIR (default "plugins") and NUDGEFLOW_PLUGINS. */
export function pluginSourcesFromEnv(config: { NUDGEFLOW_PLUGINS_DIR: string; NUDGEFLOW_PLUGINS?: string | undefined }, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): PluginSources {
  const packages = (config.NUDGEFLOW_PLUGINS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return { dir: config.NUDGEFLOW_PLUGINS_DIR, packages, cwd, env };
}

/** One line per loaded plugin and per problem, as the processes print them at start. */
export function pluginLogLines(plugins: LoadedPlugins): string[] {
  const report = plugins.report();
  return [
    ...report.plugins.map((p) => `[plugins] ${p.source}: loaded ${p.types.join(', ')}`),
    ...report.problems.map((p) => `[plugins] ${p.source}${p.type ? ` (${p.type})` : ''}: ${p.message}`),
  ];
}
