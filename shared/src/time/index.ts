export * from './duration';
export * from './zoned';
export * from './resolve-zone';
