export * from './contact';
export * from './order';
export * from './event';
