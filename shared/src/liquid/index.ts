export * from './engine';
export * from './scope';
export * from './analyze';
