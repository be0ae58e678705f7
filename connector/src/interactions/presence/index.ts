export * from './commands';
export * from './config';
export * from './machine';
export * from './state';
