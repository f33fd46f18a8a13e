import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEARCH_ATTRIBUTES } from '@nudgeflow/workflows/contract';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so the production compose file is kept honest by reading it: the
 * services the product card names, pinned images, the files it mounts, and the commands and
 * settings it hands to our own code.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(`${root}/${path}`, 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, { image?: string; build?: unknown; command?: string[]; entrypoint?: string[]; environment?: Record<string, string>; volumes?: string[]; depends_on?: Record<string, { condition: string }>; deploy?: { replicas?: number } }>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has Postgres, Temporal (schema set up by admin-tools) with its UI, the API and workers', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-schema', 'temporal-setup', 'temporal-ui', 'worker']);
    expect(services.temporal?.image).toMatch(/^temporalio\/server:\d+\.\d+\.\d+$/);
    expect(services['temporal-schema']?.image).toMatch(/^temporalio\/admin-tools:/);
    expect(JSON.stringify(compose)).not.toMatch(/auto-setup/);
    expect(services.worker?.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('pins every third-party image to a version', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) continue;
      expect(service.image, name).toMatch(/:[0-9][\w.-]*$/);
    }
  });

  it('starts things in order: schema before server, namespace and search attributes before the app', () => {
    expect(services.temporal?.depends_on?.['temporal-schema']?.condition).toBe('service_completed_successfully');
    for (const app of ['api', 'worker']) {
      expect(services[app]?.depends_on?.['temporal-setup']?.condition, app).toBe('service_completed_successfully');
      expect(services[app]?.depends_on?.postgres?.condition, app).toBe('service_healthy');
    }
  });

  it('mounts files that exist, and its shell scripts are executable and parse', () => {
    const mounted = Object.values(services).flatMap((s) => (s.volumes ?? []).filter((v) => v.startsWith('./')).map((v) => v.split(':')[0] as string));
    expect(mounted.length).toBeGreaterThanOrEqual(4);
    for (const file of mounted) {
      accessSync(`${root}/${file}`, constants.R_OK);
      if (file.endsWith('.sh')) {
        accessSync(`${root}/${file}`, constants.X_OK);
        execFileSync('sh', ['-n', `${root}/${file}`]);
      }
    }
  });

  it('registers exactly the search attributes the workflow sets', () => {
    const script = read('deploy/temporal/setup-namespace.sh');
    const names = /for attr in ([^;]+);/.exec(script)?.[1]?.trim().split(/\s+/);
    expect(names?.sort()).toEqual(Object.values(SEARCH_ATTRIBUTES).sort());
  });

  it('gives the API and workers the settings the runtime reads, and runs CLI commands that exist', async () => {
    const { commandNames } = await import('../../runtime/src/cli/main');
    for (const app of ['api', 'worker']) {
      const env = services[app]?.environment ?? {};
      for (const key of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'NUDGEFLOW_ADMIN_TOKEN', 'NUDGEFLOW_API_KEY']) expect(env[key], `${app} ${key}`).toBeTruthy();
      const [node, bin, command] = services[app]?.command ?? [];
      expect([node, bin]).toEqual(['node', 'runtime/bin/nudgeflow.js']);
      expect(commandNames).toContain(command);
    }
  });

  it('passes the messaging settings: the link secret is required, the public URL and SMTP go through only when set', () => {
    for (const app of ['api', 'worker']) {
      const env: Record<string, string | null> = services[app]?.environment ?? {};
      expect(env.NUDGEFLOW_LINK_SECRET, app).toBe('${NUDGEFLOW_LINK_SECRET:?set NUDGEFLOW_LINK_SECRET}');
      // No value: Compose takes it from .env or the shell, or leaves it out (an empty string would be an invalid URL).
      for (const key of ['NUDGEFLOW_PUBLIC_URL', 'SMTP_URL', 'EMAIL_FROM']) expect([key, env[key]], app).toEqual([key, null]);
    }
  });

  it('has every variable it requires in deploy/example.env', () => {
    const required = [...read('docker-compose.yml').matchAll(/\$\{(\w+):\?/g)].map((m) => m[1] as string);
    expect(required).toContain('NUDGEFLOW_LINK_SECRET');
    const example = read('deploy/example.env');
    for (const name of new Set(required)) expect(example, name).toMatch(new RegExp(`^${name}=.+$`, 'm'));
  });

  it('builds an image whose npm ci sees every workspace', () => {
    const dockerfile = read('Dockerfile');
    const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
    for (const ws of workspaces) expect(dockerfile).toContain(`COPY ${ws}/package.json ${ws}/`);
    expect(read('.dockerignore')).toContain('!tests/package.json');
  });
});
