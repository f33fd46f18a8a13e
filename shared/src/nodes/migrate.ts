import type { AnyNodeDefinition } from './types';

export class MigrationError extends Error {}

/** Brings a config written for `fromVersion` of a type up to the type's current version. */
export function migrateConfig(def: AnyNodeDefinition, config: Record<string, unknown>, fromVersion = 1): Record<string, unknown> {
  if (fromVersion > def.version)
    throw new MigrationError(`config is for version ${fromVersion} of ${def.type}, but this server knows only up to version ${def.version}`);
  let current = config;
  for (const step of def.migrations ?? []) if (step.to > fromVersion) current = step.up(current);
  return current;
}

/** Takes a current config back down to an older version (for round-trip checks and downgrades). */
export function downgradeConfig(def: AnyNodeDefinition, config: Record<string, unknown>, toVersion: number): Record<string, unknown> {
  let current = config;
  for (const step of [...(def.migrations ?? [])].reverse()) if (step.to > toVersion) current = step.down(current);
  return current;
}
