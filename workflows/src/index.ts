/** The worker's workflowsPath: every workflow type the worker runs. */
export { flowRun } from './flow-run';
