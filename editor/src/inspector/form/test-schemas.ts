import { builtinRegistry } from '@nudgeflow/shared';
import type { JsonSchema } from '../../api/types';

/** For tests: the JSON Schema the API serves for a built-in type (GET /api/node-types). */
export function schemaOf(type: string): JsonSchema {
  const def = builtinRegistry.get(type);
  if (!def) throw new Error(`no type ${type}`);
  return def.configSchema.toJSONSchema({ io: 'input' }) as JsonSchema;
}
