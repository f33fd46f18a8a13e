import type { AnyNodeDefinition } from '@nudgeflow/shared';

const probe = 'node-ref-probe';
const cache = new WeakMap<AnyNodeDefinition, Map<string, string[] | undefined>>();

/**
 * Top-level config fields that name another node of the flow (an engagement check's message),
 * with the node types they may name. The schema says only "string", so the type's own
 * `nodeRefs` is asked: a field it reports back when given a node id is a reference.
 */
export function nodeRefFields(def: AnyNodeDefinition | undefined): Map<string, string[] | undefined> {
  if (!def?.nodeRefs) return new Map();
  const cached = cache.get(def);
  if (cached) return cached;
  const fields = new Map<string, string[] | undefined>();
  const defaults = def.configSchema.safeParse(def.defaults);
  if (defaults.success && typeof defaults.data === 'object' && defaults.data !== null) {
    for (const [key, value] of Object.entries(defaults.data)) {
      if (typeof value !== 'string') continue;
      try {
        const ref = def.nodeRefs({ ...defaults.data, [key]: probe }).find((r) => r.field === key && r.nodeId === probe);
        if (ref) fields.set(key, ref.types);
      } catch {
        // A type whose nodeRefs cannot handle the probe: that field stays a plain text box.
      }
    }
  }
  cache.set(def, fields);
  return fields;
}
