import type { JsonSchema } from '../../api/types';
import { asRecord, initialValue, type Config } from './config-edit';
import type { Variant } from './schema-widget';

export function selectedVariant(variants: Variant[], discriminator: string, value: unknown): Variant | undefined {
  const chosen = asRecord(value)[discriminator];
  return variants.find((v) => v.value === chosen);
}

/**
 * The config after choosing another variant: the discriminator, the fields both variants share
 * (a time zone stays), and the new variant's starting values for the rest.
 */
export function switchVariant(value: unknown, discriminator: string, variant: Variant): Config {
  const old = asRecord(value);
  const properties: Record<string, JsonSchema> = variant.schema.properties ?? {};
  const fresh = asRecord(initialValue(variant.schema));
  const kept = Object.fromEntries(Object.keys(properties).filter((key) => key !== discriminator && old[key] !== undefined).map((key) => [key, old[key]]));
  return { ...fresh, ...kept, [discriminator]: variant.value };
}
