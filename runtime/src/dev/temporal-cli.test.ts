import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOrBuildTemporalCli, TEMPORAL_CLI_VERSION } from './temporal-cli';

let dir: string;
let bin: string;
let cache: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nudgeflow-temporal-cli-'));
  bin = path.join(dir, 'bin');
  cache = path.join(dir, 'cache');
  await mkdir(bin);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function script(file: string, body: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

describe('findOrBuildTemporalCli', () => {
  it('takes TEMPORAL_CLI_PATH first, and names it when it is not executable', async () => {
    const explicit = await script(path.join(dir, 'my-temporal'), 'exit 0');
    await script(path.join(bin, 'temporal'), 'exit 0');
    expect(await findOrBuildTemporalCli({ env: { TEMPORAL_CLI_PATH: explicit, PATH: bin }, cacheDir: cache })).toBe(explicit);
    const missing = path.join(dir, 'nope');
    await expect(findOrBuildTemporalCli({ env: { TEMPORAL_CLI_PATH: missing, PATH: bin }, cacheDir: cache })).rejects.toThrow(
      `TEMPORAL_CLI_PATH is set to "${missing}", but that is not an executable file.`,
    );
  });

  it('then a temporal on PATH, then the cache', async () => {
    const cached = await script(path.join(cache, 'temporal'), 'exit 0');
    expect(await findOrBuildTemporalCli({ env: { PATH: bin }, cacheDir: cache })).toBe(cached);
    const onPath = await script(path.join(bin, 'temporal'), 'exit 0');
    expect(await findOrBuildTemporalCli({ env: { PATH: bin }, cacheDir: cache })).toBe(onPath);
  });

  it('builds it with go install into the cache, passing go\'s output on as progress', async () => {
    await script(
      path.join(bin, 'go'),
      ['echo "go: downloading github.com/temporalio/cli $3"', 'echo "args: $*" >&2', `printf '#!/bin/sh\\n' > "$GOBIN/temporal"`, '/bin/chmod +x "$GOBIN/temporal"'].join('\n'),
    );
    const progress: string[] = [];
    const found = await findOrBuildTemporalCli({ env: { PATH: bin }, cacheDir: cache, onProgress: (line) => progress.push(line) });

    expect(found).toBe(path.join(cache, 'temporal'));
    expect(await readFile(found, 'utf8')).toBe('#!/bin/sh\n');
    const target = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;
    expect(progress[0]).toBe(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${cache}. This happens once and takes a few minutes…`);
    expect(progress.slice(1, -1).sort()).toEqual([`args: install -v ${target}`, `go: downloading github.com/temporalio/cli ${target}`]);
    expect(progress.at(-1)).toBe(`Temporal CLI ready: ${found}`);
    expect(await readdir(cache)).toEqual(['temporal']);
  });

  it('says so when Go is missing', async () => {
    await expect(findOrBuildTemporalCli({ env: { PATH: bin }, cacheDir: cache })).rejects.toThrow(/Go is not installed to build it/);
  });

  it("fails with go's exact output when the build fails", async () => {
    await script(path.join(bin, 'go'), ['echo "go: github.com/temporalio/cli@v1.5.1: reading module: 403 Forbidden" >&2', 'exit 1'].join('\n'));
    const error = await findOrBuildTemporalCli({ env: { PATH: bin }, cacheDir: cache }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('"go install -v github.com/temporalio/cli/cmd/temporal@v1.5.1" exited with code 1');
    expect((error as Error).message.endsWith('Go said:\ngo: github.com/temporalio/cli@v1.5.1: reading module: 403 Forbidden')).toBe(true);
  });
});
