import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type Actor,
  canManageServiceAccounts,
  checkServiceAccount,
  compileServiceGrant,
  DEFAULT_SERVICE_LIMITS,
  formatServiceToken,
  hashServiceSecret,
  hasRole,
  parseServiceToken,
  type ServiceAccountFacts,
  serviceAccountAccess,
  serviceActor,
  type ServiceActor,
  type ServiceGrant,
  type ServiceLimits,
  type ServiceScopes,
  serviceTokenStatus,
} from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Page, SortDirection } from '../../core/connection.js';
import { registeredAccesses, withFacts } from '../../core/access.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { raw, type ReadDb, sql, type Sql } from '../../core/db.js';
import { AppError, assertNoProblems, conflict, forbidden, notFound } from '../../core/errors.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { problemsOf } from '../cycles/cycle-data.js';
import { ServiceAccountEntity } from './service-account.entity.js';
import { type ServiceAccountInput, type ServiceAccountNode, type ServiceAccountsArgs, type ServiceScopeView, ServiceTokenStatusValue } from './service-account.types.js';

interface AccountRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  name: string;
  owner_employee_id: string;
  scopes: ServiceScopes;
  limits: ServiceLimits;
  expires_at: string;
  revoked_at: string | null;
  revoked_by_user_id: string | null;
  last_used_at: string | null;
  created_by_user_id: string | null;
}

const COLUMNS = sql`s.id, s.version, s.created_at, s.updated_at, s.name, s.owner_employee_id, s.scopes, s.limits, s.expires_at, s.revoked_at, s.revoked_by_user_id, s.last_used_at, s.created_by_user_id`;

const scopeViews = (scopes: ServiceScopes): ServiceScopeView[] =>
  Object.entries(scopes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, grant]) => ({ type, fields: grant.fields === 'all' ? null : [...grant.fields], pay: grant.pay === true }));

function toNode(r: AccountRow, actor: Actor, now: Date): ServiceAccountNode {
  const expiresAt = toDate(r.expires_at);
  const revokedAt = r.revoked_at ? toDate(r.revoked_at) : null;
  const status = serviceTokenStatus({ expiresAt: expiresAt.toISOString(), revokedAt: revokedAt?.toISOString() ?? null }, now.toISOString());
  const facts: ServiceAccountFacts = { ownerIsActor: actor.employeeId !== null && actor.employeeId === r.owner_employee_id };
  return withFacts(
    {
      __typename: 'ServiceAccount' as const,
      id: r.id,
      version: r.version,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
      name: r.name,
      owner: r.owner_employee_id,
      scopes: scopeViews(r.scopes),
      limits: { ...DEFAULT_SERVICE_LIMITS, ...r.limits },
      expiresAt,
      revokedAt,
      status: status as ServiceTokenStatusValue,
      lastUsedAt: r.last_used_at ? toDate(r.last_used_at) : null,
      createdBy: r.created_by_user_id,
      revokedBy: r.revoked_by_user_id,
    },
    facts,
  );
}

export const serviceAccountListing = defineListing({
  query: 'serviceAccounts',
  access: serviceAccountAccess,
  filters: { status: 'status' },
  search: [{ field: 'name', sql: raw('s.name') }],
  sorts: { NAME: { field: 'name', sql: raw('s.name') }, EXPIRES_AT: { field: 'expiresAt', sql: raw('s.expires_at') } },
  defaultSort: [{ field: 'NAME', direction: SortDirection.ASC }],
  id: raw('s.id'),
});

/** ADMIN lists every account; anyone else the accounts of tools they own. */
function scopeSql(actor: Actor): Sql | null | 'none' {
  if (hasRole(actor, 'ADMIN')) return null;
  if (!actor.employeeId || hasRole(actor, 'SERVICE')) return 'none';
  return sql`s.owner_employee_id = ${actor.employeeId}`;
}

function statusSql(status: ServiceTokenStatusValue): Sql {
  switch (status) {
    case ServiceTokenStatusValue.REVOKED:
      return sql`s.revoked_at is not null`;
    case ServiceTokenStatusValue.EXPIRED:
      return sql`s.revoked_at is null and s.expires_at <= now()`;
    case ServiceTokenStatusValue.ACTIVE:
      return sql`s.revoked_at is null and s.expires_at > now()`;
  }
}

export async function listServiceAccounts(ctx: RequestContext, args: ServiceAccountsArgs, info: GraphQLResolveInfo): Promise<Page<ServiceAccountNode>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, serviceAccountListing, args);
  const scope = scopeSql(actor);
  if (scope === 'none') return Page.empty();
  const where: Sql[] = [...(scope ? [scope] : [])];
  if (args.filter?.status) where.push(statusSql(args.filter.status));
  const now = ctx.clock.now();
  return fetchPage<AccountRow & Record<string, unknown>, ServiceAccountNode>(ctx.db, { select: COLUMNS, from: sql`service_account s`, where }, checked, selectedHere(info).has('totalCount'), (r) => toNode(r, actor, now));
}

export async function serviceAccountInScope(ctx: RequestContext, id: string): Promise<ServiceAccountNode | null> {
  const actor = requireActor(ctx);
  const scope = scopeSql(actor);
  if (scope === 'none') return null;
  const rows = await ctx.db.rows<AccountRow>(sql`select ${COLUMNS} from service_account s where s.id = ${id}${scope ? sql` and ${scope}` : sql``}`);
  return rows[0] ? toNode(rows[0], actor, ctx.clock.now()) : null;
}

function scopesOf(input: ServiceAccountInput): ServiceScopes {
  const scopes: Record<string, ServiceScopes[string]> = {};
  for (const s of input.scopes) scopes[s.type] = { fields: s.fields ? [...new Set(s.fields)] : 'all', ...(s.pay ? { pay: true } : {}) };
  return scopes;
}

function limitsOf(input: ServiceAccountInput): ServiceLimits {
  const l = input.limits ?? {};
  return {
    requestsPerMinute: l.requestsPerMinute ?? DEFAULT_SERVICE_LIMITS.requestsPerMinute,
    burst: l.burst ?? DEFAULT_SERVICE_LIMITS.burst,
    costPerMinute: l.costPerMinute ?? DEFAULT_SERVICE_LIMITS.costPerMinute,
    maxQueryCost: l.maxQueryCost ?? DEFAULT_SERVICE_LIMITS.maxQueryCost,
    maxPageSize: l.maxPageSize ?? DEFAULT_SERVICE_LIMITS.maxPageSize,
  };
}

const newSecret = (): string => randomBytes(32).toString('base64url');

const plain = (e: ServiceAccountEntity): Record<string, unknown> => ({
  name: e.name,
  ownerEmployeeId: e.ownerEmployeeId,
  scopes: e.scopes,
  limits: e.limits,
  expiresAt: e.expiresAt.toISOString(),
  revokedAt: e.revokedAt?.toISOString() ?? null,
  revokedReason: e.revokedReason,
});

function requireManager(ctx: RequestContext): Actor {
  const actor = requireActor(ctx);
  if (!canManageServiceAccounts(actor)) throw forbidden('service accounts');
  return actor;
}

async function reload(ctx: RequestContext, id: string): Promise<ServiceAccountNode> {
  const found = await serviceAccountInScope(ctx, id);
  if (!found) throw notFound('ServiceAccount', id);
  return found;
}

/** Creates a service account (ADMIN): checked against the schema's types, the secret drawn, its hash stored, audited. */
export async function createServiceAccount(ctx: RequestContext, input: ServiceAccountInput): Promise<{ account: ServiceAccountNode; token: string }> {
  const actor = requireManager(ctx);
  const scopes = scopesOf(input);
  const limits = limitsOf(input);
  const expiresAt = input.expiresAt instanceof Date && !Number.isNaN(input.expiresAt.getTime()) ? input.expiresAt : new Date(Number.NaN);
  const issues = checkServiceAccount({ name: input.name, scopes, limits, expiresAt: Number.isNaN(expiresAt.getTime()) ? 'invalid' : expiresAt.toISOString() }, registeredAccesses(), ctx.clock.now().toISOString());
  assertNoProblems(problemsOf(issues));
  const owner = await ctx.db.rows<{ id: string }>(sql`select id from employee where id = ${input.ownerEmployeeId}`);
  if (!owner.length) assertNoProblems([{ field: 'ownerEmployeeId', rule: 'not_found', message: 'no such employee' }]);
  const secret = newSecret();
  const id = await inTransaction(ctx, async (em) => {
    const entity = em.create(ServiceAccountEntity, {
      name: input.name.trim(),
      ownerEmployeeId: input.ownerEmployeeId,
      scopes,
      limits,
      tokenHash: hashServiceSecret(secret),
      expiresAt,
      createdByUserId: actor.userId,
    });
    await em.flush();
    recordAudit(em, ctx, { operation: 'createServiceAccount', entityType: 'ServiceAccount', entityId: entity.id, before: null, after: plain(entity) });
    return entity.id;
  });
  return { account: await reload(ctx, id), token: formatServiceToken(id, secret) };
}

async function changeAccount(ctx: RequestContext, id: string, version: number, operation: string, change: (e: ServiceAccountEntity, actor: Actor) => void): Promise<string> {
  const actor = requireManager(ctx);
  await inTransaction(ctx, async (em) => {
    const entity = await em.findOne(ServiceAccountEntity, { id });
    if (!entity) throw notFound('ServiceAccount', id);
    if (entity.version !== version) throw conflict('ServiceAccount', id);
    const before = plain(entity);
    change(entity, actor);
    await em.flush();
    recordAudit(em, ctx, { operation, entityType: 'ServiceAccount', entityId: id, before, after: plain(entity) });
  });
  return id;
}

/** Draws a new secret for an account (the old token stops working at once); the new token is shown once. */
export async function rotateServiceToken(ctx: RequestContext, id: string, version: number): Promise<{ account: ServiceAccountNode; token: string }> {
  const secret = newSecret();
  await changeAccount(ctx, id, version, 'rotateServiceToken', (e) => {
    if (e.revokedAt) throw new AppError('VALIDATION_FAILED', 'A revoked account cannot get a new token.', [{ field: 'id', rule: 'service_revoked', message: 'the account is revoked' }]);
    e.tokenHash = hashServiceSecret(secret);
  });
  return { account: await reload(ctx, id), token: formatServiceToken(id, secret) };
}

/** Revokes an account: its token stops working with the next request (revocation is final). */
export async function revokeServiceAccount(ctx: RequestContext, id: string, version: number, reason: string | null | undefined): Promise<ServiceAccountNode> {
  await changeAccount(ctx, id, version, 'revokeServiceAccount', (e, actor) => {
    if (e.revokedAt) return;
    e.revokedAt = ctx.clock.now();
    e.revokedByUserId = actor.userId;
    e.revokedReason = reason?.trim() || null;
  });
  return reload(ctx, id);
}

// ---- authentication of a token ------------------------------------------------------------------

interface TokenRow {
  id: string;
  version: number;
  scopes: ServiceScopes;
  limits: ServiceLimits;
  token_hash: string;
  expires_at: string;
  revoked_at: string | null;
}

/** What a presented token resolves to: the actor with its grant and limits, or why it does not. */
export type ServiceAuthentication = { ok: true; actor: ServiceActor; limits: ServiceLimits } | { ok: false; reason: 'token_invalid' | 'token_expired' | 'token_revoked' };

// The compiled grant per account and version (scopes change only with the version).
const grants = new Map<string, { version: number; grant: ServiceGrant }>();
// last_used_at is written at most once a minute per account and replica.
const lastWritten = new Map<string, number>();

/** True for a bearer token that is a service token (people's tokens are JWTs). */
export const isServiceToken = (token: string): boolean => token.startsWith('sat_');

/**
 * Verifies a service token in one statement over the primary key: the secret's hash compared in constant time,
 * the status at this instant; then the compiled grant (cached per version) and, at most once a minute, last-used.
 */
export async function authenticateServiceToken(db: ReadDb, token: string, now: Date): Promise<ServiceAuthentication> {
  const parsed = parseServiceToken(token);
  if (!parsed) return { ok: false, reason: 'token_invalid' };
  const rows = await db.rows<TokenRow>(sql`select id, version, scopes, limits, token_hash, expires_at, revoked_at from service_account where id = ${parsed.accountId}`);
  const row = rows[0];
  if (!row) return { ok: false, reason: 'token_invalid' };
  const presented = Buffer.from(hashServiceSecret(parsed.secret), 'utf8');
  const stored = Buffer.from(row.token_hash, 'utf8');
  if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return { ok: false, reason: 'token_invalid' };
  const status = serviceTokenStatus({ expiresAt: toDate(row.expires_at).toISOString(), revokedAt: row.revoked_at ? toDate(row.revoked_at).toISOString() : null }, now.toISOString());
  if (status !== 'active') return { ok: false, reason: status === 'expired' ? 'token_expired' : 'token_revoked' };
  let cached = grants.get(row.id);
  if (!cached || cached.version !== row.version) {
    cached = { version: row.version, grant: compileServiceGrant({ id: row.id, scopes: row.scopes }, registeredAccesses()) };
    grants.set(row.id, cached);
  }
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastWritten.get(row.id) !== minute) {
    lastWritten.set(row.id, minute);
    await db.rows(sql`update service_account set last_used_at = ${now.toISOString()}::timestamptz where id = ${row.id}`);
  }
  return { ok: true, actor: serviceActor(cached.grant), limits: { ...DEFAULT_SERVICE_LIMITS, ...row.limits } };
}
