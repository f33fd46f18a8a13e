/*
 * The HTTP API's contract: request and response schemas (with their OpenAPI names and
 * descriptions) and their types. The runtime validates and documents with them; the editor
 * imports the types only.
 */
export * from './components';
export * from './errors';
export * from './flow-stats';
export * from './flows';
export * from './messages';
export * from './node-types';
export * from './pagination';
export * from './test-runs';
