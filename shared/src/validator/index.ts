export * from './problems';
export { validate } from './validate';
export { formatProblem, summarizeGraph } from './format';
export { checkNode, type NodeInfo } from './node-checks';
