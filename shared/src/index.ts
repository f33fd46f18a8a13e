export * from './data/index';
export * from './graph/index';
export * from './rules/index';
export * from './time/index';
export * from './nodes/index';
export * from './liquid/index';
export * from './interpreter/types';
