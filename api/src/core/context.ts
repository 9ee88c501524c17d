import type { Actor } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import { createOrgLoaders, type OrgLoaders } from '../modules/org/loaders.js';

/** Everything a resolver or service needs about one request. Built fresh per request. */
export interface RequestContext {
  requestId: string;
  /** null when the request carries no valid token. */
  actor: Actor | null;
  /** A fork of the global EntityManager: one identity map per request. */
  em: EntityManager;
  loaders: OrgLoaders;
  log: Logger;
}

export function createRequestContext(args: { requestId: string; actor: Actor | null; em: EntityManager; log: Logger }): RequestContext {
  return { ...args, loaders: createOrgLoaders(args.em, args.actor) };
}
