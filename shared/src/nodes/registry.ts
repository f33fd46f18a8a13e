import type { AnyNodeDefinition } from './types';

export class RegistryError extends Error {}

/** Node types by name. The editor, validator, interpreter and worker all read the same one. */
export class NodeRegistry {
  readonly #defs = new Map<string, AnyNodeDefinition>();

  constructor(defs: Iterable<AnyNodeDefinition> = []) {
    for (const def of defs) this.register(def);
  }

  register(def: AnyNodeDefinition): void {
    if (this.#defs.has(def.type)) throw new RegistryError(`node type "${def.type}" is registered twice`);
    const expected = 1 + (def.migrations?.length ?? 0);
    if (def.version !== expected)
      throw new RegistryError(`node type "${def.type}" says version ${def.version} but has ${expected - 1} migration(s)`);
    this.#defs.set(def.type, def);
  }

  get(type: string): AnyNodeDefinition | undefined {
    return this.#defs.get(type);
  }

  has(type: string): boolean {
    return this.#defs.has(type);
  }

  list(): AnyNodeDefinition[] {
    return [...this.#defs.values()];
  }

  /** A copy with more types: plugins extend the built-ins without mutating them. */
  extend(defs: Iterable<AnyNodeDefinition>): NodeRegistry {
    return new NodeRegistry([...this.#defs.values(), ...defs]);
  }
}
