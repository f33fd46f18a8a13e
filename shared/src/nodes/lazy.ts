/**
 * A value built on its first use, then kept. For schemas a node type's module would otherwise
 * build when it is loaded: see defineNode for why that matters.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
