// Routing stored events to flows: the outbox dispatcher, and flow entry shared with the trigger sweep.
export { startDispatcher, type Dispatcher, type DispatcherOptions } from './dispatcher';
export { enterFlow, type EntryContext, type EntryOutcome, type EntryRequest } from './enter-flow';
export { FlowCatalog, type Log } from './flow-catalog';
export { compileRoutable, type RoutableFlow, type RoutableTrigger } from './routable-flow';
export { fireDay, runIdFor, runWorkflowId, type RunCause } from './run-ids';
