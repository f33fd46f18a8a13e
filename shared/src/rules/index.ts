export * from './schema';
export * from './evaluate';
export * from './describe';
export * from './path';
