import { z } from 'zod';
import { parseCommandArgs } from '../args';
import { loadCliPlugins, warnPluginProblems } from '../cli-plugins';
import type { CliIO } from '../io';

export const nodeTypesUsage = 'nudgeflow node-types [--json]';

/** Lists the node catalog; --json adds each config's JSON Schema (what the editor builds forms from). */
export async function nodeTypesCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, { json: { type: 'boolean' } }, nodeTypesUsage);
  const plugins = await loadCliPlugins();
  warnPluginProblems(plugins, io);
  const defs = plugins.registry.list();
  if (values.json) {
    // A custom type's entry is what GET /api/node-types serves for it (kind, source, event included).
    const list = defs.map((d) => plugins.get(d.type)?.portable ?? {
      type: d.type,
      title: d.title,
      description: d.description,
      category: d.category,
      version: d.version,
      outputs: d.outputs(d.configSchema.parse(d.defaults)),
      defaults: d.defaults,
      configSchema: z.toJSONSchema(d.configSchema, { io: 'input' }),
    });
    io.out(JSON.stringify(list, null, 2));
    return 0;
  }
  const width = Math.max(...defs.map((d) => d.type.length));
  for (const d of defs) {
    const outputs = d.outputs(d.configSchema.parse(d.defaults)).map((o: { id: string }) => o.id);
    io.out(`${d.type.padEnd(width)}  ${d.title}${outputs.length ? `  → ${outputs.join(', ')}` : ''}`);
  }
  return 0;
}
