export * from './actor.js';
export * from './employee-access.js';
export * from './scheme-access.js';
export * from './access.js';
