import { SEARCH_ATTRIBUTES } from '@nudgeflow/workflows/contract';
import type { Connection } from '@temporalio/client';
// CommonJS without detectable named exports: Node's ESM loader needs the default import.
import proto from '@temporalio/proto';

const { temporal } = proto;

/**
 * Registers the Keyword search attributes the workflow upserts, where missing. The dev server
 * registers them at start; a production Temporal (docker-compose) needs this once per namespace,
 * or every workflow task that upserts one fails.
 */
export async function ensureSearchAttributes(connection: Connection, namespace = 'default', names: string[] = Object.values(SEARCH_ATTRIBUTES)): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = names.filter((name) => !existing.customAttributes?.[name]);
  if (missing.length === 0) return [];
  const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(missing.map((name) => [name, keyword])) });
  return missing;
}
