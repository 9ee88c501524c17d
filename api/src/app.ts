import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DriverException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from './config.js';
import { createRequestContext, type RequestContext } from './core/context.js';
import { compressResponses, serveConsole } from './core/delivery.js';
import { AppError } from './core/errors.js';
import type { Logger } from './core/logger.js';
import { withRequestLocale } from './core/messages.js';
import type { TokenService } from './core/tokens.js';
import { actorForUser } from './modules/auth/auth.service.js';
import { buildAppSchema } from './schema.js';

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
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) return { ...formatted, message: original.localized?.() ?? formatted.message, extensions: { ...original.extensions } };
    if (original instanceof DriverException && original.code === '22P02')
      return { message: 'An id or value has the wrong format (ids are UUIDs).', path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
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
}

export interface App {
  express: Express;
  apollo: ApolloServer<RequestContext>;
}

export async function createApp({ config, orm, tokens, log }: AppDeps): Promise<App> {
  const schema = await buildAppSchema(tokens);
  const armor = new ApolloArmor({
    maxDepth: { n: 12, exposeLimits: false },
    maxAliases: { n: 20, exposeLimits: false },
    costLimit: { maxCost: 20000, exposeLimits: false },
    maxTokens: { n: 4000, exposeLimits: false },
    maxDirectives: { n: 20, exposeLimits: false },
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    ...protection,
    // graphql-armor is typed against the CommonJS build of @apollo/server; the objects are the same.
    plugins: protection.plugins as unknown as ApolloServerPlugin<RequestContext>[],
    validationRules: [...protection.validationRules],
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(log),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(compressResponses());
  app.use(withRequestLocale());
  app.use(
    pinoHttp({
      logger: log,
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

  app.use(
    '/graphql',
    express.json({ limit: '15mb' }), // employee sheets arrive base64-encoded
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const em = orm.em.fork() as RequestContext['em'];
        const header = req.headers.authorization;
        const token = header?.startsWith('Bearer ') ? header.slice(7) : null;
        const userId = token ? await tokens.verify(token) : null;
        const actor = userId ? await actorForUser(em, userId) : null;
        return createRequestContext({ requestId: String(req.id), actor, em, log: req.log });
      },
    }),
  );

  if (existsSync(path.join(config.adminDist, 'index.html'))) {
    app.use(serveConsole(config.adminDist));
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('Appraisal API. The console is not built: run `pnpm build`. GraphQL is at /graphql.');
    });
  }
  return { express: app, apollo };
}
