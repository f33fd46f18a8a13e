export * from './types';
export * from './context';
export * from './registry';
export * from './migrate';
export * from './type-info';
export { builtinNodes } from './builtin/index';
import { builtinNodes } from './builtin/index';
import { NodeRegistry } from './registry';

/** The registry of built-in node types. Plugins use `builtinRegistry.extend(...)`. */
export const builtinRegistry = new NodeRegistry(builtinNodes);
export * from './contract';
