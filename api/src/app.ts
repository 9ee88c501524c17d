import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from './config.js';
import type { Clock } from './core/clock.js';
import { createRequestContext, type RequestContext } from './core/context.js';
import type { JobQueue } from './core/jobs.js';
import { createReadDb, type SqlObserver } from './core/db.js';
import { compressResponses, serveConsole } from './core/delivery.js';
import { readAuditPlugin } from './core/read-audit.js';
import { AppError, badIdError, isDatabaseTimeout, sqlState, timeoutError } from './core/errors.js';
import { httpLogSerializers, type Logger } from './core/logger.js';
import { withRequestLocale } from './core/messages.js';
import type { TokenService } from './core/tokens.js';
import { compiledExecution } from './core/compiled-execution.js';
import { operationGuardPlugin, withDeadline } from './core/guard-plugin.js';
import { jsonErrors } from './http/body-errors.js';
import { refuseSourceMaps, securityHeaders } from './http/security-headers.js';
import { attachRequestAuth, authenticateRequest } from './modules/auth/request-auth.js';
import { buildAppSchema } from './schema.js';
import { buildSubgraph } from './federation.js';
import { analyticsSettings } from './modules/analytics/analytics.read.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Codes Apollo gives to problems with the request itself; their messages name the offending part. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Expected failures keep their message and code; invalid ids become BAD_USER_INPUT; anything else
 * is masked so that no SQL, stack or internal detail reaches a client, and is logged in full.
 */
/** A database failure answered as the typed error it means, in the request's language, without its SQL. */
const typedError = (error: AppError, formatted: GraphQLFormattedError): GraphQLFormattedError => ({
  message: error.localized?.() ?? error.message,
  path: formatted.path,
  extensions: error.extensions,
});

export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      // `http` only sets the response status; Apollo keeps it out of the body, and so do we.
      const { http: _http, ...extensions } = original.extensions;
      return { ...formatted, message: original.localized?.() ?? formatted.message, extensions };
    }
    // MikroORM's DriverException and the driver's raw error (connection.execute, executeBound) alike.
    if (sqlState(original) === '22P02') return typedError(badIdError(), formatted);
    if (isDatabaseTimeout(original)) {
      log.warn({ path: formatted.path, sqlState: sqlState(original) }, 'statement timeout');
      return typedError(timeoutError(), formatted);
    }
    // Errors raised by GraphQL and Apollo themselves (parse, validation, variables) are about the request.
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code))
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export interface AppDeps {
  config: AppConfig;
  orm: MikroORM;
  tokens: TokenService;
  log: Logger;
  /** Sees every read-model statement, like MikroORM's logger sees the rest (the batching tests count them). */
  sqlObserver?: SqlObserver;
  clock: Clock;
  jobs: JobQueue;
}

export interface App {
  express: Express;
  apollo: ApolloServer<RequestContext>;
  /** Stops /graphql and, when it was started, the subgraph. */
  stop(): Promise<void>;
}

export async function createApp({ config, orm, tokens, log, sqlObserver, clock, jobs }: AppDeps): Promise<App> {
  const schema = await buildAppSchema(tokens);
  if (config.analyticsMinPayGroup !== undefined) analyticsSettings.minPayGroup = Math.max(1, config.analyticsMinPayGroup);
  if (config.analyticsRefreshDebounceSeconds !== undefined) analyticsSettings.refreshDebounceSeconds = Math.max(1, config.analyticsRefreshDebounceSeconds);
  const db = createReadDb(orm, { log, observer: sqlObserver });
  const armor = new ApolloArmor({
    maxDepth: { n: 12, exposeLimits: false },
    // __typename aliases are aliases too: no allow list.
    maxAliases: { n: 20, exposeLimits: false, allowList: [] },
    // Cost is estimated by the operation guard, which knows the variables' values (armor only sees literals).
    costLimit: { enabled: false },
    // Token counting happens in the parser below (armor's plugin turns the refusal into a 500).
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits: false },
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  const guard = operationGuardPlugin({ authenticate: (ctx) => authenticateRequest(ctx, tokens) });
  // The same protections for /graphql and the federation subgraph (/subgraph).
  const serverFor = (served: GraphQLSchema, compiled: boolean) =>
    new ApolloServer<RequestContext>({
      ...(compiled && config.graphqlExecution !== 'interpreted' ? { gateway: compiledExecution(served) } : { schema: served }),
      ...protection,
      parseOptions: { maxTokens: 4000 },
      // graphql-armor is typed against the CommonJS build of @apollo/server; the objects are the same.
      plugins: [
        ...(protection.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
        // Cache control wraps every field of every row in a hook; nothing here is cacheable by a CDN anyway.
        ApolloServerPluginCacheControlDisabled(),
        readAuditPlugin(),
        guard,
      ],
      validationRules: [...protection.validationRules],
      introspection: !config.production,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      includeStacktraceInErrorResponses: false,
      formatError: formatError(log),
      // Compact JSON: Apollo's default indents every response (JSON.stringify(value, null, 2)), which on a 500-row
      // page costs stringify time and nearly doubles the bytes written to the socket.
      stringifyResult: (value) => JSON.stringify(value),
    });
  const apollo = serverFor(schema, true);
  await apollo.start();
  const stopping: Array<() => Promise<void>> = [() => apollo.stop()];

  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: Express would hash every GraphQL response body (SHA-1 over up to hundreds of kB per
  // 500-row page) for a header no client revalidates with. Static console files keep theirs (serve-static's own).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders({ production: config.production }));
  app.use(compressResponses());
  app.use(withRequestLocale());
  app.use(
    pinoHttp({
      logger: log,
      serializers: httpLogSerializers,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    }),
  );

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', database: 'up' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });

  // No SQL here: the actor is resolved by the guard once the operation passed its checks.
  const context = async ({ req }: { req: express.Request }): Promise<RequestContext> => {
    const em = orm.em.fork() as RequestContext['em'];
    const header = req.headers.authorization;
    // Reads after the request's time budget fail fast with TIMEOUT (one clock read per statement, no per-field hook).
    const requestDb = withDeadline(db, Date.now() + config.requestTimeoutMs);
    const ctx = createRequestContext({ requestId: String(req.id), actor: null, em, db: requestDb, log: req.log, clock, jobs });
    attachRequestAuth(ctx, { token: header?.startsWith('Bearer ') ? header.slice(7) : null, address: req.ip ?? 'unknown' });
    return ctx;
  };
  app.use(
    '/graphql',
    express.json({ limit: '15mb' }), // employee sheets arrive base64-encoded
    expressMiddleware(apollo, { context }),
  );
  // The Apollo Federation 2 subgraph (docs/federation.md): built on its first request, so a server nobody composes
  // pays nothing for it.
  let subgraph: Promise<express.RequestHandler> | undefined;
  const startSubgraph = async (): Promise<express.RequestHandler> => {
    const server = serverFor(await buildSubgraph(tokens), false);
    await server.start();
    stopping.push(() => server.stop());
    return expressMiddleware(server, { context });
  };
  app.use('/subgraph', express.json({ limit: '1mb' }), (req, res, next) => {
    subgraph ??= startSubgraph();
    subgraph.then((handler) => handler(req, res, next), next);
  });

  app.use(refuseSourceMaps({ production: config.production }));
  if (existsSync(path.join(config.adminDist, 'index.html'))) {
    app.use(serveConsole(config.adminDist));
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('Appraisal API. The console is not built: run `pnpm build`. GraphQL is at /graphql.');
    });
  }
  app.use(jsonErrors(log));
  return { express: app, apollo, stop: async () => { for (const stop of stopping) await stop(); } };
}
