// Analytics and reporting access: reference definitions of every aggregate (the API's SQL is tested against them),
// and service accounts for reporting tools (scopes composed with the field policies, token format, rate and cost limits).
export * from './aggregates.js';
export * from './service-account.js';
