export * from './actor.js';
export * from './employee-access.js';
