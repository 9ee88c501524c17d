// An Apollo gateway over a supergraph: `node test/support/federation-gateway.mjs <supergraph.graphql> [port]`.
// It forwards the caller's Authorization header to every subgraph (our API checks it exactly as on /graphql) and
// prints its URL. The federation test runs it as a child process: under the test runner's "module" resolution
// condition the gateway's OpenTelemetry dependency loads an ES build Node refuses; plain Node loads it fine.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [file, port = '0'] = process.argv.slice(2);
if (!file) throw new Error('usage: federation-gateway.mjs <supergraph.graphql> [port]');
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(file, 'utf8'),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request, context }) {
        if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        // Our API refuses requests that could be simple cross-site ones (CSRF prevention).
        request.http?.headers.set('apollo-require-preflight', 'true');
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port) }, context: async ({ req }) => ({ authorization: req.headers.authorization }) });
process.stdout.write(`${url}\n`);
process.on('SIGTERM', () => {
  server.stop().then(() => process.exit(0), () => process.exit(1));
});
