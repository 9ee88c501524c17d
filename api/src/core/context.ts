import type { Actor } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import type { AccessState, AuditedRead } from './access.js';
import { type Clock, systemClock } from './clock.js';
import { type JobQueue, noJobs } from './jobs.js';
import type { ReadDb } from './db.js';
import { unauthenticated } from './errors.js';
import { createIndicatorLoaders, type IndicatorLoaders } from '../modules/indicators/loaders.js';
import { createOrgLoaders, type OrgLoaders } from '../modules/org/loaders.js';
import { createSchemeLoaders, type SchemeLoaders } from '../modules/schemes/loaders.js';

/** Everything a resolver or service needs about one request. Built fresh per request. */
export interface RequestContext {
  requestId: string;
  /** null when the request carries no valid token. */
  actor: Actor | null;
  /** A fork of the global EntityManager: one identity map per request (writes). */
  em: EntityManager;
  /** Plain parameterised reads for the read models (lists, loaders). */
  db: ReadDb;
  loaders: OrgLoaders;
  indicatorLoaders: IndicatorLoaders;
  schemeLoaders: SchemeLoaders;
  log: Logger;
  /** Today in the organization's time zone (deadlines and windows); tests fix it. */
  clock: Clock;
  /** Queues background jobs (cycle launch, closing the rating phase). */
  jobs: JobQueue;
  /** Per-request memo of the field guards (actor rules, last decisions); created on first use, dropped on sign-in. */
  access?: AccessState;
  /**
   * Reads of audited fields made by this request, each with its reader. Kept apart from `access`: signing in later in
   * the same operation must not drop the reads made before it.
   */
  auditedReads?: AuditedRead[];
}

export function createRequestContext(args: {
  requestId: string;
  actor: Actor | null;
  em: EntityManager;
  db: ReadDb;
  log: Logger;
  clock?: Clock;
  jobs?: JobQueue;
}): RequestContext {
  return {
    ...args,
    clock: args.clock ?? systemClock,
    jobs: args.jobs ?? noJobs,
    loaders: createOrgLoaders(args.db, args.actor),
    indicatorLoaders: createIndicatorLoaders(args.em),
    schemeLoaders: createSchemeLoaders(args.em, args.actor),
  };
}

/**
 * Signs the caller in for the rest of this request (the `login` payload is read as the new account):
 * the actor changes, so everything computed per actor is rebuilt.
 */
export function signInContext(ctx: RequestContext, actor: Actor | null): void {
  ctx.actor = actor;
  ctx.loaders = createOrgLoaders(ctx.db, actor);
  ctx.schemeLoaders = createSchemeLoaders(ctx.em, actor);
  ctx.access = undefined;
}

/** The signed-in actor, or UNAUTHENTICATED. */
export function requireActor(ctx: Pick<RequestContext, 'actor'>): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
