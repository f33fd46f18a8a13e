export * from './types';
export * from './outbox';
