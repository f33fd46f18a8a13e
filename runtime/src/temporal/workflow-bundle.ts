import { createRequire } from 'node:module';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

/** The workflows package's entry (workflows/src/index.ts): the worker's workflowsPath. */
export function flowWorkflowsPath(): string {
  return createRequire(import.meta.url).resolve('@nudgeflow/workflows');
}

/** Libraries evaluated once per worker context (workflows/src/preload.ts). */
function flowPreloadPath(): string {
  return createRequire(import.meta.url).resolve('@nudgeflow/workflows/preload');
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/**
 * The workflow code bundled once per process (webpack takes seconds; tests start several
 * workers). The bundler compiles our TypeScript sources, the shared package's included: they
 * resolve through the workspace symlinks to real paths outside node_modules, where its swc
 * loader applies, and they import nothing but zod and Temporal's workflow API.
 *
 * zod is preloaded (workflows/src/preload.ts). Our own schema modules are not: the worker
 * deep-freezes preloaded modules' exports, and zod schemas cache lazily on themselves.
 */
export function flowWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: flowWorkflowsPath(), preloadModules: [flowPreloadPath()], logger: new DefaultLogger('WARN') }).catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}
