/** Where the console finds the API; the server serves both on one origin, vite dev proxies it. */
export const GRAPHQL_URL = '/graphql';
