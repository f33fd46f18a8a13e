// The Postgres data layer. Every function takes the pool or an open transaction (`Db`) first;
// those that must be atomic open their own transaction when given the pool.
export * from './client';
export * from './migrate';
export * from './ids';
export * from './contact-merge';
export * from './contacts';
export * from './orders';
export * from './events';
export * from './outbox';
export * from './ingest-event';
export * from './flows';
export * from './runs';
export * from './effects';
export * from './messages';
export * from './codes';
export * from './suppressions';
export * from './locks';
export * from './list-position';
