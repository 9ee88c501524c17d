import type { Actor } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import { createIndicatorLoaders, type IndicatorLoaders } from '../modules/indicators/loaders.js';
import { createOrgLoaders, type OrgLoaders } from '../modules/org/loaders.js';
import { createSchemeLoaders, type SchemeLoaders } from '../modules/schemes/loaders.js';

/** Everything a resolver or service needs about one request. Built fresh per request. */
export interface RequestContext {
  requestId: string;
  /** null when the request carries no valid token. */
  actor: Actor | null;
  /** A fork of the global EntityManager: one identity map per request. */
  em: EntityManager;
  loaders: OrgLoaders;
  indicatorLoaders: IndicatorLoaders;
  schemeLoaders: SchemeLoaders;
  log: Logger;
}

export function createRequestContext(args: { requestId: string; actor: Actor | null; em: EntityManager; log: Logger }): RequestContext {
  return {
    ...args,
    loaders: createOrgLoaders(args.em, args.actor),
    indicatorLoaders: createIndicatorLoaders(args.em),
    schemeLoaders: createSchemeLoaders(args.em, args.actor),
  };
}
