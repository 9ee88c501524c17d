import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { DomainIssue } from '../issues.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import type { Actor } from '../policies/actor.js';
import { hasRole } from '../policies/actor.js';
import type { FieldPolicy, ResourceAccess } from '../policies/access.js';

/** What a scope grants on one GraphQL type: named fields (or every grantable one), and pay fields only when asked for. */
export interface TypeGrant {
  fields: readonly string[] | 'all';
  /** Pay fields of the type (pay bases, pay lines, ledger money): only with this explicitly true. */
  pay?: boolean;
}

/** A reporting tool's scopes: the types and fields it reads. Read-only always: there is no write scope. */
export type ServiceScopes = Readonly<Record<string, TypeGrant>>;

/** Per-token limits: requests and query cost per minute (token buckets), the largest single query and page. */
export interface ServiceLimits {
  requestsPerMinute: number;
  /** Requests that may arrive at once before the per-minute rate applies. */
  burst: number;
  /** Cost units per minute (a field costs 1, a list field its page size x its selection). */
  costPerMinute: number;
  /** A single query above this cost is refused before it runs. */
  maxQueryCost: number;
  /** The largest `first` a connection accepts from this token. */
  maxPageSize: number;
}

/** Limits of a new service account unless ADMIN chooses others. */
export const DEFAULT_SERVICE_LIMITS: ServiceLimits = { requestsPerMinute: 60, burst: 10, costPerMinute: 200_000, maxQueryCost: 50_000, maxPageSize: 1000 };

/** A service account as stored (the token's hash, never the token). */
export interface ServiceAccount {
  id: string;
  name: string;
  /** The person responsible for the tool. */
  ownerEmployeeId: string;
  scopes: ServiceScopes;
  expiresAt: string;
  revokedAt: string | null;
  limits: ServiceLimits;
}

/**
 * Fields no scope may grant, per type, or every field ('all'): appeal contents, votes, inboxes, rater comments,
 * drafts, evidence, audit-grade records. Services read results and aggregates, not people's correspondence.
 */
export const NEVER_FOR_SERVICES: Readonly<Record<string, readonly string[] | 'all'>> = {
  Appeal: 'all',
  StatementRequest: 'all',
  Vote: 'all',
  InboxItem: 'all',
  User: 'all',
  Archive: 'all',
  Nomination: ['reason', 'tally', 'decisionNote', 'myVote', 'votesCast'],
  Employee: ['email', 'disciplinaryFlag', 'disciplinaryReference'],
  Appraisal: ['selfReview', 'raterComments', 'resultRecord', 'myRatings'],
  Rating: ['comment', 'itemComments'],
  LedgerEntry: ['evidence', 'attachments'],
};

/** Fields that state pay, per type ('all': the whole type is pay): granted only with `pay: true`. */
export const PAY_FIELDS: Readonly<Record<string, readonly string[] | 'all'>> = {
  Employee: ['performancePayBase', 'floatingPayBase'],
  Appraisal: ['pay', 'payLines'],
  LedgerEntry: ['quantity', 'amount', 'money', 'explanation', 'teamShare'],
  PayoutBatch: 'all',
  PayAggregate: ['pay', 'rewards', 'penalties', 'net'],
  HonorProgram: ['reward'],
  Award: ['rewardEntries'],
};

const listed = (table: Readonly<Record<string, readonly string[] | 'all'>>, type: string, field: string): boolean => {
  const entry = table[type];
  return entry === 'all' || (entry?.includes(field) ?? false);
};

/** Whether a field is pay. Example: isPayField('Appraisal', 'payLines') -> true */
export function isPayField(type: string, field: string): boolean {
  return listed(PAY_FIELDS, type, field);
}

/** The compiled grant an actor carries: per type, the fields it may read. */
export interface ServiceGrant {
  accountId: string;
  fields: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Checks scopes and limits against the schema's types (the API passes every ResourceAccess): known types and fields,
 * no never-grantable field, no pay field without `pay: true`, an expiry in the future and at most a year ahead, sane
 * limits. Example: checkServiceAccount({ scopes: { Appraisal: { fields: ['grade', 'pay'] } }, ... }, accesses, now) -> [{ code: 'service_scope_pay_not_granted', ... }]
 */
export function checkServiceAccount(
  a: Pick<ServiceAccount, 'scopes' | 'expiresAt' | 'limits' | 'name'>,
  accesses: readonly ResourceAccess<unknown>[],
  now: string,
): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (!a.name.trim() || a.name.length > 100) issues.push(issue('service_name_invalid', 'a service account has a name of 1 to 100 characters', {}, ['name']));
  const byType = new Map(accesses.map((x) => [x.typeName, x]));
  const types = Object.keys(a.scopes);
  if (types.length === 0) issues.push(issue('service_scope_empty', 'grant at least one type', {}, ['scopes']));
  for (const type of types) {
    const grant = a.scopes[type];
    const access = byType.get(type);
    if (!grant) continue;
    if (!access) {
      issues.push(issue('service_scope_unknown_type', `no type ${type}`, { type }, ['scopes', type]));
      continue;
    }
    if (NEVER_FOR_SERVICES[type] === 'all') {
      issues.push(issue('service_scope_forbidden', `${type} is never readable by a service`, { type, field: '' }, ['scopes', type]));
      continue;
    }
    if (grant.fields === 'all') continue;
    for (const field of grant.fields) {
      if (!access.fields[field]) issues.push(issue('service_scope_unknown_field', `${type} has no field ${field}`, { type, field }, ['scopes', type, field]));
      else if (listed(NEVER_FOR_SERVICES, type, field)) issues.push(issue('service_scope_forbidden', `${type}.${field} is never readable by a service`, { type, field }, ['scopes', type, field]));
      else if (isPayField(type, field) && grant.pay !== true) issues.push(issue('service_scope_pay_not_granted', `${type}.${field} is pay: grant pay explicitly`, { type, field }, ['scopes', type, field]));
    }
  }
  const expires = Date.parse(a.expiresAt);
  const t = Date.parse(now);
  if (Number.isNaN(expires) || expires <= t || expires - t > 366 * 24 * 3600 * 1000) issues.push(issue('service_expiry_invalid', 'a token expires in the future, at most a year ahead', { value: a.expiresAt }, ['expiresAt']));
  const l = a.limits;
  const bad = (v: number, max: number) => !Number.isInteger(v) || v < 1 || v > max;
  if (bad(l.requestsPerMinute, 6000) || bad(l.burst, 1000) || bad(l.costPerMinute, 10_000_000) || bad(l.maxQueryCost, 10_000_000) || bad(l.maxPageSize, 5000) || l.maxQueryCost > l.costPerMinute) {
    issues.push(issue('service_limits_invalid', 'limits are whole numbers in range, and one query costs no more than a minute allows', {}, ['limits']));
  }
  return issues;
}

/**
 * Compiles an account's scopes into the grant its actor carries: 'all' expands to every field of the type except
 * never-grantable ones and, without `pay: true`, pay fields. Example: compileServiceGrant(account, accesses).fields.get('Appraisal')?.has('pay') -> false
 */
export function compileServiceGrant(account: Pick<ServiceAccount, 'id' | 'scopes'>, accesses: readonly ResourceAccess<unknown>[]): ServiceGrant {
  const fields = new Map<string, Set<string>>();
  for (const access of accesses) {
    const grant = account.scopes[access.typeName];
    if (!grant || NEVER_FOR_SERVICES[access.typeName] === 'all') continue;
    const names = grant.fields === 'all' ? Object.keys(access.fields) : grant.fields.filter((f) => access.fields[f]);
    fields.set(access.typeName, new Set(names.filter((f) => !listed(NEVER_FOR_SERVICES, access.typeName, f) && (grant.pay === true || !isPayField(access.typeName, f)))));
  }
  return { accountId: account.id, fields };
}

/** Where a token stands. */
export type ServiceTokenStatus = 'active' | 'expired' | 'revoked';

/** A token's status at an instant. Example: serviceTokenStatus({ expiresAt: '2026-01-01T00:00:00Z', revokedAt: null }, '2026-02-01T00:00:00Z') -> 'expired' */
export function serviceTokenStatus(a: Pick<ServiceAccount, 'expiresAt' | 'revokedAt'>, now: string): ServiceTokenStatus {
  if (a.revokedAt) return 'revoked';
  return Date.parse(a.expiresAt) <= Date.parse(now) ? 'expired' : 'active';
}

/** An actor with a service grant (the API builds it per request from a verified, active token). */
export type ServiceActor = Actor & { service: ServiceGrant };

/** The actor of a service token: no employee, the SERVICE role only, the compiled grant. Example: serviceActor(grant).roles -> ['SERVICE'] */
export function serviceActor(grant: ServiceGrant): ServiceActor {
  return { userId: `service:${grant.accountId}`, employeeId: null, roles: ['SERVICE'], service: grant };
}

/** True for a service token's actor (mutations refuse it, always). Example: isServiceActor(serviceActor(grant)) -> true */
export function isServiceActor(actor: Actor): actor is ServiceActor {
  return hasRole(actor, 'SERVICE') && (actor as Partial<ServiceActor>).service !== undefined;
}

// What existing field policies see when a service reads: a reader with HR's row ceiling and no person behind it
// (no self, no line, never a rater or appellant). The scope narrows from there; NEVER_FOR_SERVICES keeps out what
// HR may read but a tool must not.
const CEILING: Actor = { userId: 'service-ceiling', employeeId: null, roles: ['HR'] };

/**
 * The per-field check of a service read, composed with the type's own field policy: the grant names the field, and
 * the policy lets an HR-level reader without a person read it on this row. Example: serviceFieldAllowed(actor, appraisalAccess, 'grade', facts) -> true
 */
export function serviceFieldAllowed<F>(actor: ServiceActor, access: ResourceAccess<F>, field: string, facts: F): boolean {
  if (!actor.service.fields.get(access.typeName)?.has(field)) return false;
  const policy = access.fields[field];
  return policy !== undefined && policy(CEILING, facts);
}

/**
 * A ResourceAccess whose every field also serves service actors: people go through the original policies unchanged;
 * a service actor goes through serviceFieldAllowed. The API wraps each access once (guards, list checks and the
 * matrix tests then all see the same rules). Example: withServiceScope(appraisalAccess).fields.pay(serviceActorWithoutPay, facts) -> false
 */
export function withServiceScope<F>(access: ResourceAccess<F>): ResourceAccess<F> {
  const fields: Record<string, FieldPolicy<F>> = {};
  for (const [name, policy] of Object.entries(access.fields)) {
    fields[name] = (actor, facts) => (isServiceActor(actor) ? serviceFieldAllowed(actor, access, name, facts) : !hasRole(actor, 'SERVICE') && policy(actor, facts));
  }
  return {
    typeName: access.typeName,
    // A service's rows are HR's rows of the granted types: the list check then asks the composed fields.
    factClasses: (actor) => (isServiceActor(actor) ? (actor.service.fields.has(access.typeName) ? access.factClasses(CEILING) : []) : access.factClasses(actor)),
    fields,
  };
}

/** The reader a service's rows are scoped as (HR's ceiling, no person behind it). */
export const SERVICE_CEILING: Actor = CEILING;

const NO_ONE: Actor = { userId: 'service-none', employeeId: null, roles: [] };

/**
 * The actor a read model scopes rows with: people are themselves; a service token reads the rows HR's ceiling reads
 * of a granted type, and no row of any other type. Example: rowScopeActor(serviceActor(grant), 'Employee').roles -> ['HR'] when Employee is granted
 */
export function rowScopeActor(actor: Actor, typeName: string): Actor {
  if (!hasRole(actor, 'SERVICE')) return actor;
  return isServiceActor(actor) && actor.service.fields.has(typeName) ? CEILING : NO_ONE;
}

/** The row scope a service reads with: everything of a granted type, nothing else. Example: serviceRowScope(actor, 'Appraisal') -> { kind: 'all' } */
export function serviceRowScope(actor: ServiceActor, typeName: string): { kind: 'all' } | { kind: 'none' } {
  return actor.service.fields.has(typeName) ? { kind: 'all' } : { kind: 'none' };
}

const TOKEN = /^sat_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

/** Splits a presented token into the account id and its secret (the API compares sha256(secret) with the stored hash). Example: parseServiceToken('sat_<uuid>_<43 chars>') -> { accountId, secret } */
export function parseServiceToken(token: string): { accountId: string; secret: string } | null {
  const m = TOKEN.exec(token);
  return m && m[1] && m[2] ? { accountId: m[1], secret: m[2] } : null;
}

/**
 * The token shown once at creation: `sat_<account id>_<secret>` where the secret is 32 random bytes (base64url, from
 * the API's CSPRNG). Example: formatServiceToken(id, secret) -> 'sat_6f1c..._kq...'
 */
export function formatServiceToken(accountId: string, secret: string): string {
  return `sat_${accountId}_${secret}`;
}

/** What is stored: the hex SHA-256 of the secret (a 256-bit random secret needs no slow hash). Example: hashServiceSecret('abc').length -> 64 */
export function hashServiceSecret(secret: string): string {
  return bytesToHex(sha256(utf8ToBytes(secret)));
}

/** A token's buckets: requests and cost units left, refilled continuously. */
export interface BucketState {
  requests: number;
  cost: number;
  atMs: number;
}

/** The outcome of admitting a request. */
export type Admission = { allowed: true; state: BucketState } | { allowed: false; state: BucketState; reason: 'rate' | 'cost' | 'tooExpensive'; retryAfterMs: number };

/** A fresh token's buckets (full). Example: freshBuckets(DEFAULT_SERVICE_LIMITS, 0) -> { requests: 10, cost: 200000, atMs: 0 } */
export function freshBuckets(limits: ServiceLimits, nowMs: number): BucketState {
  return { requests: limits.burst, cost: limits.costPerMinute, atMs: nowMs };
}

/**
 * Admits a request of a given cost (estimated before execution) against the token's two buckets: requests refill at
 * requestsPerMinute up to burst, cost units at costPerMinute up to one minute's worth; a query above maxQueryCost is
 * refused outright. Pure: the API keeps the state per token (in memory per replica, or in PostgreSQL for a shared limit).
 * Example: admitRequest(freshBuckets(limits, 0), limits, 0, 60_000).allowed -> false (tooExpensive)
 */
export function admitRequest(state: BucketState, limits: ServiceLimits, nowMs: number, cost: number): Admission {
  const elapsed = Math.max(0, nowMs - state.atMs);
  const requests = Math.min(limits.burst, state.requests + (elapsed * limits.requestsPerMinute) / 60_000);
  const costs = Math.min(limits.costPerMinute, state.cost + (elapsed * limits.costPerMinute) / 60_000);
  const refilled = { requests, cost: costs, atMs: nowMs };
  if (cost > limits.maxQueryCost) return { allowed: false, state: refilled, reason: 'tooExpensive', retryAfterMs: 0 };
  if (requests < 1) return { allowed: false, state: refilled, reason: 'rate', retryAfterMs: Math.ceil(((1 - requests) * 60_000) / limits.requestsPerMinute) };
  if (costs < cost) return { allowed: false, state: refilled, reason: 'cost', retryAfterMs: Math.ceil(((cost - costs) * 60_000) / limits.costPerMinute) };
  return { allowed: true, state: { requests: requests - 1, cost: costs - cost, atMs: nowMs } };
}
