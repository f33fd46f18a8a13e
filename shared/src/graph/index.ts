export * from './schema';
export * from './settings';
export * from './parse-json';
export * from './diff';
