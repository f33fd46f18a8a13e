import { mkdir, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { templates } from '@nudgeflow/shared/templates';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

export const templatesUsage = 'nudgeflow templates';
export const newUsage = 'nudgeflow new TEMPLATE [DIR] [--force]';

export async function templatesCommand(args: string[], io: CliIO): Promise<number> {
  parseCommandArgs(args, {}, templatesUsage);
  const width = Math.max(...templates.map((t) => t.slug.length));
  for (const t of templates) io.out(`${t.slug.padEnd(width)}  ${t.name}: ${t.description}`);
  return 0;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Writes a template's flow and sample events into a folder, ready to edit, validate and simulate. */
export async function newCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { force: { type: 'boolean' } }, newUsage);
  const [slug, dir = slug, ...extra] = positionals;
  if (!slug || extra.length) throw new CliError(`expected a template name\nusage: ${newUsage}\ntemplates: ${templates.map((t) => t.slug).join(', ')}`);
  const template = templates.find((t) => t.slug === slug);
  if (!template) throw new CliError(`no template "${slug}"; run "nudgeflow templates" to list them`);
  const flowPath = join(dir as string, 'flow.json');
  const eventsPath = join(dir as string, 'events.json');
  if (!values.force && ((await exists(flowPath)) || (await exists(eventsPath))))
    throw new CliError(`${dir} already has flow.json or events.json; use --force to overwrite`);
  await mkdir(dir as string, { recursive: true });
  await writeFile(flowPath, `${JSON.stringify(template.graph, null, 2)}\n`);
  await writeFile(eventsPath, `${JSON.stringify(template.scenario, null, 2)}\n`);
  io.out(`wrote ${flowPath} and ${eventsPath}`);
  io.out(`next: nudgeflow simulate ${flowPath} --events ${eventsPath}`);
  return 0;
}
