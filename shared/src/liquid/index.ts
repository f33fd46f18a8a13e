export * from './engine';
export * from './scope';
