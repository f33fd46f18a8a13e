export * from './types';
export type { CompiledFlow, CompiledNode, FlowRef, ReadyNode } from './compile-flow';
export { compileFlow } from './compile-flow';
export type { StartArgs } from './start-run';
export { startRun } from './start-run';
export { advanceRun } from './advance-run';
export { MAX_ENTRIES_PER_ADVANCE } from './enter-node';
export { INBOX_LIMIT } from './event-match';
export { hashToUnit, branchRandom } from './random';
