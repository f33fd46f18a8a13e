export * from './types';
export { scenarioSchema, scriptedEventSchema, type Scenario, type ScenarioInput, type ScriptedEvent } from './scenario';
export { simulate, SIMULATION_INPUT_LIMIT, type SimulateOptions } from './simulate';
export { formatTimeline } from './format-timeline';
export { scriptEvents, SimClock, SimWorld, type TimedEvent } from './sim-world';
export { mjmlToText } from './mjml-text';
