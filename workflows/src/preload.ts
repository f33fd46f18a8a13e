import { z } from 'zod';

/*
 * Libraries the reusable V8 context evaluates once for every workflow instead of once per workflow
 * (see the worker's bundle options): zod's module graph was half of a new workflow's start-up.
 * Imported here rather than required by name, so the bundle shares the ES module build the
 * workflow code imports; exported, because zod declares itself free of side effects and the
 * bundler would drop a bare `import 'zod'`.
 *
 * The worker deep-freezes what preloaded modules export. zod sets its default locale and memoizer
 * on its (exported) global config when it builds its first schema, so one is built here, before
 * the freeze; schemas built later by workflow code are their own and stay writable.
 */
export const warmUp = z.object({ preloaded: z.literal(true) });
export { z };
