import { builtinRegistry, type NodeRegistry } from '@nudgeflow/shared';

/**
 * The node definitions the editor runs locally (outputs, summaries, validation): the same code the
 * server and the workflow run, so what the canvas shows is what will happen.
 */
export const editorRegistry: NodeRegistry = builtinRegistry;
