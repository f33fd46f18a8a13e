import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The newest CLI release that `go install` can build; later tags cannot be go-installed. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const CLI_PACKAGE = 'github.com/temporalio/cli/cmd/temporal';
/** Lines of go's output kept for the error message. */
const OUTPUT_TAIL = 60;

export interface FindTemporalCliOptions {
  /** Progress while building (go's own output, line by line); the build takes minutes the first time. */
  onProgress?: (line: string) => void;
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where a built CLI is kept; defaults to ~/.cache/nudgeflow/bin. */
  cacheDir?: string;
}

export function defaultCliCacheDir(): string {
  return path.join(os.homedir(), '.cache', 'nudgeflow', 'bin');
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (await isExecutable(file)) return file;
  }
  return undefined;
}

/**
 * The Temporal CLI (which runs the dev server), in this order: TEMPORAL_CLI_PATH, `temporal` on
 * PATH, the cache, or else built once into the cache with `go install`.
 */
export async function findOrBuildTemporalCli(options: FindTemporalCliOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const explicit = env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (await isExecutable(explicit)) return explicit;
    throw new Error(`TEMPORAL_CLI_PATH is set to "${explicit}", but that is not an executable file.`);
  }
  const fromPath = await onPath('temporal', env);
  if (fromPath) return fromPath;
  const cacheDir = options.cacheDir ?? defaultCliCacheDir();
  const cached = path.join(cacheDir, 'temporal');
  if (await isExecutable(cached)) return cached;
  await buildCli(cacheDir, env, options.onProgress ?? (() => {}));
  return cached;
}

async function buildCli(cacheDir: string, env: NodeJS.ProcessEnv, onProgress: (line: string) => void): Promise<void> {
  const go = await onPath('go', env);
  const target = `${CLI_PACKAGE}@${TEMPORAL_CLI_VERSION}`;
  if (!go) {
    throw new Error(
      `The Temporal CLI was not found (no TEMPORAL_CLI_PATH, no "temporal" on PATH, nothing in ${cacheDir}) and Go is not installed to build it. ` +
        `Install Go and start again, or set TEMPORAL_CLI_PATH to a temporal binary, or TEMPORAL_ADDRESS to a running Temporal server.`,
    );
  }
  await mkdir(cacheDir, { recursive: true });
  // Built into a private directory and renamed into place: parallel test processes may build at once.
  const buildDir = await mkdtemp(path.join(cacheDir, '.build-'));
  onProgress(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${cacheDir}. This happens once and takes a few minutes…`);
  try {
    await goInstall(go, target, buildDir, env, onProgress);
    const built = path.join(buildDir, 'temporal');
    if (!(await isExecutable(built))) throw new Error(`"go install ${target}" reported success, but left no temporal binary.`);
    await rename(built, path.join(cacheDir, 'temporal'));
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
  onProgress(`Temporal CLI ready: ${path.join(cacheDir, 'temporal')}`);
}

/** Runs `go install` with GOBIN=gobin, every output line going to onProgress. */
async function goInstall(go: string, target: string, gobin: string, env: NodeJS.ProcessEnv, onProgress: (line: string) => void): Promise<void> {
  const args = ['install', '-v', target];
  const child = spawn(go, args, { env: { ...env, GOBIN: gobin }, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const collect = (line: string) => {
    tail.push(line);
    if (tail.length > OUTPUT_TAIL) tail.shift();
    onProgress(line);
  };
  createInterface({ input: child.stdout }).on('line', collect);
  createInterface({ input: child.stderr }).on('line', collect);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new Error(
      `Building the Temporal CLI failed: "go ${args.join(' ')}" exited with code ${code}. ` +
        `If the Go module proxy refused the download, set TEMPORAL_CLI_PATH to a temporal binary or TEMPORAL_ADDRESS to a running server. Go said:\n${tail.join('\n')}`,
    );
  }
}
