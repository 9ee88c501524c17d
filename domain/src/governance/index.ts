// HR's governance desk: policies and their versions with acknowledgements, notices to audiences with reach and
// generated notices, the inbox and its transports, appeals on the work calendar, and per-person archives with retention.
export * from './policy.js';
export * from './notice.js';
export * from './inbox.js';
export * from './appeals.js';
export * from './archive.js';
export * from './repricing.js';
