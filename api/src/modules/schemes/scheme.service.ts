import { canReadScheme, schemeAccess, schemeId as schemeIdFormat, type SchemeDefinition, type SchemeVisibilityFacts, schemeRowScope, rowScopeActor, seedPrograms, seedProgramNames } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { join, raw, sql, type Sql } from '../../core/db.js';
import { AppError, assertNoProblems, conflict, type FieldProblem, notFound, unauthenticated } from '../../core/errors.js';
import { checkListArgs, defineListing, fetchEntityPage } from '../../core/listing.js';
import { selectedHere } from '../../core/selection.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { User } from '../auth/user.entity.js';
import { Department } from '../org/department.entity.js';
import { Position } from '../org/position.entity.js';
import {
  assertValidDocument,
  fromDocumentPeriod,
  indicatorCodesOf,
  isSeedProgramKey,
  skeletonDocument,
  storedDocument,
  toDocumentPeriod,
} from './scheme-documents.js';
import { SchemeVersion } from './scheme-version.entity.js';
import { Scheme, type SchemePeriod, SchemeStatus } from './scheme.entity.js';
import type { CreateSchemeInput, SchemesArgs, UpdateSchemeInput } from './schemes.inputs.js';

const visibilityFacts = (s: Scheme): SchemeVisibilityFacts => ({
  published: s.latestVersionNumber > 0 && s.status !== SchemeStatus.ARCHIVED,
  departmentIds: s.applicableDepartmentIds,
  positionIds: s.applicablePositionIds,
});

export const schemeListing = defineListing({
  query: 'schemes',
  access: schemeAccess,
  filters: { ids: 'id', status: 'status', periodType: 'periodType' },
  search: [
    { field: 'code', sql: raw('s.code') },
    { field: 'name', sql: raw('s.name') },
    { field: 'nameZh', sql: raw('s.name_zh') },
  ],
  sorts: {
    CODE: { field: 'code', sql: raw('s.code') },
    NAME: { field: 'name', sql: raw('s.name') },
    UPDATED_AT: { field: 'updatedAt', sql: raw('s.updated_at') },
  },
  defaultSort: [{ field: 'CODE', direction: SortDirection.ASC }],
  id: raw('s.id'),
});

/** The row scope of the domain policy as SQL (the policy itself decides single reads); null = none. */
async function scopeCondition(ctx: RequestContext): Promise<Sql[] | null> {
  const scope = schemeRowScope(rowScopeActor(requireActor(ctx), 'Scheme'));
  if (scope.kind === 'none') return null;
  if (scope.kind === 'all') return [];
  const published = sql`s.latest_version_number > 0 and s.status <> ${SchemeStatus.ARCHIVED}`;
  if (scope.kind === 'published') return [published];
  const placement = await ctx.schemeLoaders.actorPlacement();
  const applies = [
    sql`cardinality(s.applicable_department_ids) + cardinality(s.applicable_position_ids) = 0`,
    sql`s.applicable_department_ids && ${[...placement.departmentLineage]}::text[]`,
  ];
  if (placement.positionId) applies.push(sql`${placement.positionId}::text = any(s.applicable_position_ids)`);
  return [published, sql`(${join(applies, ' or ')})`];
}

export async function listSchemes(ctx: RequestContext, args: SchemesArgs, info: GraphQLResolveInfo): Promise<Page<Scheme>> {
  const checked = checkListArgs(requireActor(ctx), schemeListing, args);
  const scope = await scopeCondition(ctx);
  if (!scope) return Page.empty();
  const where = [...scope];
  const f = args.filter;
  if (f?.ids) where.push(sql`s.id = any(${f.ids}::uuid[])`);
  if (f?.status) where.push(sql`s.status = ${f.status}`);
  if (f?.periodType) where.push(sql`s.period_type = ${f.periodType}`);
  return fetchEntityPage(ctx, Scheme, { from: sql`scheme s`, where, id: raw('s.id') }, checked, selectedHere(info).has('totalCount'));
}

/** One scheme the actor may read; NOT_FOUND otherwise, so a hidden scheme is indistinguishable from none. */
export async function getScheme(ctx: RequestContext, id: string): Promise<Scheme> {
  if (!ctx.actor) throw unauthenticated();
  const scheme = await ctx.em.findOne(Scheme, { id });
  if (!scheme || !canReadScheme(ctx.actor, visibilityFacts(scheme), await ctx.schemeLoaders.actorPlacement())) throw notFound('Scheme', id);
  return scheme;
}

/** A published version of a readable scheme: the given number, or the newest. */
export async function getSchemeVersion(ctx: RequestContext, scheme: Scheme, number: number | undefined): Promise<SchemeVersion> {
  const versions = await ctx.schemeLoaders.versions.load(scheme.id);
  const version = number === undefined ? versions[0] : versions.find((v) => v.number === number);
  if (!version) throw notFound('SchemeVersion', `${scheme.code} v${number ?? 'latest'}`);
  return version;
}

/** The scheme of a version the caller already reached through a readable scheme (the identity map usually holds it). */
export function schemeOfVersion(ctx: RequestContext, version: SchemeVersion): Promise<Scheme> {
  return ctx.em.findOneOrFail(Scheme, { id: version.scheme.id });
}

async function checkApplicability(em: EntityManager, input: { applicableDepartmentIds?: string[]; applicablePositionIds?: string[] }, problems: FieldProblem[]): Promise<void> {
  const departments = [...new Set(input.applicableDepartmentIds ?? [])];
  const positions = [...new Set(input.applicablePositionIds ?? [])];
  if (departments.length && (await em.count(Department, { id: { $in: departments }, active: true })) !== departments.length)
    problems.push({ field: 'applicableDepartmentIds', rule: 'exists', message: 'every department must exist and be active' });
  if (positions.length && (await em.count(Position, { id: { $in: positions }, active: true })) !== positions.length)
    problems.push({ field: 'applicablePositionIds', rule: 'exists', message: 'every position must exist and be active' });
}

function checkNames(input: { code?: string; name?: string }, problems: FieldProblem[]): void {
  if (input.code !== undefined && !schemeIdFormat.safeParse(input.code).success)
    problems.push({ field: 'code', rule: 'format', message: 'code must be a letter, then letters, digits or _ (max 64)' });
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > 200))
    problems.push({ field: 'name', rule: 'length', message: 'name must be 1-200 characters' });
}

type Metadata = Pick<Scheme, 'code' | 'name' | 'nameZh' | 'periodType'>;

/** The scheme's metadata is authoritative: its code, names and period are written into every document it saves. */
function withMetadata(doc: unknown, scheme: Partial<Metadata> & Pick<Metadata, 'code'>): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return doc; // the validator reports the shape
  const out: Record<string, unknown> = { ...doc, code: scheme.code };
  if (scheme.name !== undefined) out.name = { en: scheme.name, zh: scheme.nameZh ?? scheme.name };
  if (scheme.periodType !== undefined) out.period = toDocumentPeriod(scheme.periodType);
  return out;
}

async function ownerName(em: EntityManager, ctx: RequestContext): Promise<string> {
  const user = ctx.actor ? await em.findOne(User, { id: ctx.actor.userId }) : null;
  return user?.displayName ?? 'system';
}

interface NewScheme {
  code: string;
  name: string;
  nameZh: string | null;
  periodType: SchemePeriod;
  applicableDepartmentIds: string[];
  applicablePositionIds: string[];
  document: unknown;
  templateKey: string | null;
}

/** Creates a scheme with a draft in the caller's transaction (used by create, template and import). */
export async function insertScheme(ctx: RequestContext, em: EntityManager, input: NewScheme, operation: string): Promise<Scheme> {
  const problems: FieldProblem[] = [];
  checkNames(input, problems);
  if (await em.count(Scheme, { code: input.code })) problems.push({ field: 'code', rule: 'unique', message: `code ${input.code} is already used`, params: { value: input.code } });
  await checkApplicability(em, input, problems);
  assertNoProblems(problems);
  const meta = { code: input.code, name: input.name.trim(), nameZh: input.nameZh, periodType: input.periodType };
  const document = assertValidDocument(withMetadata(input.document, meta));
  const scheme = em.create(Scheme, {
    ...meta,
    applicableDepartmentIds: [...new Set(input.applicableDepartmentIds)],
    applicablePositionIds: [...new Set(input.applicablePositionIds)],
    ownerUserId: ctx.actor?.userId ?? null,
    owner: await ownerName(em, ctx),
    draft: document as unknown as Record<string, unknown>,
    templateKey: input.templateKey,
  });
  await em.flush();
  recordAudit(em, ctx, { operation, entityType: 'Scheme', entityId: scheme.id, after: snapshot(scheme) });
  return scheme;
}

export async function createScheme(ctx: RequestContext, input: CreateSchemeInput): Promise<Scheme> {
  return inTransaction(ctx, (em) => {
    const name = { en: input.name.trim(), zh: input.nameZh ?? input.name.trim() };
    return insertScheme(
      ctx,
      em,
      {
        code: input.code,
        name: input.name,
        nameZh: input.nameZh ?? null,
        periodType: input.periodType,
        applicableDepartmentIds: input.applicableDepartmentIds ?? [],
        applicablePositionIds: input.applicablePositionIds ?? [],
        document: input.document ?? skeletonDocument(schemeIdFormat.safeParse(input.code).success ? input.code : 'scheme', name, toDocumentPeriod(input.periodType)),
        templateKey: null,
      },
      'createScheme',
    );
  });
}

export async function createSchemeFromTemplate(ctx: RequestContext, template: string, code: string, name: string | undefined): Promise<Scheme> {
  if (!isSeedProgramKey(template))
    throw new AppError('VALIDATION_FAILED', `template: no template "${template}".`, [
      { field: 'template', rule: 'exists', message: `no template "${template}"; use one of ${Object.keys(seedPrograms).join(', ')}`, params: { value: template } },
    ]);
  const document = structuredClone(seedPrograms[template]);
  return inTransaction(ctx, (em) =>
    insertScheme(
      ctx,
      em,
      {
        code,
        name: name ?? seedProgramNames[template].en,
        nameZh: seedProgramNames[template].zh,
        periodType: fromDocumentPeriod(document.period),
        applicableDepartmentIds: [],
        applicablePositionIds: [],
        document,
        templateKey: template,
      },
      'createSchemeFromTemplate',
    ),
  );
}

async function lockedScheme(em: EntityManager, id: string, version: number): Promise<Scheme> {
  const scheme = await em.findOne(Scheme, { id });
  if (!scheme) throw notFound('Scheme', id);
  if (scheme.version !== version) throw conflict('Scheme', id);
  return scheme;
}

function assertNotArchived(scheme: Scheme): void {
  if (scheme.status === SchemeStatus.ARCHIVED)
    throw new AppError('VALIDATION_FAILED', 'id: the scheme is archived.', [{ field: 'id', rule: 'archived', message: 'the scheme is archived and can no longer change' }]);
}

/**
 * Edits metadata and/or the draft. A new document replaces the draft; editing a published scheme without a draft
 * starts one from the latest version. Published versions are never touched.
 */
export async function updateScheme(ctx: RequestContext, id: string, input: UpdateSchemeInput): Promise<Scheme> {
  return inTransaction(ctx, async (em) => {
    const scheme = await lockedScheme(em, id, input.version);
    assertNotArchived(scheme);
    const before = snapshot(scheme);
    const problems: FieldProblem[] = [];
    checkNames({ name: input.name ?? undefined }, problems);
    await checkApplicability(em, input, problems);
    assertNoProblems(problems);
    const given = input.document === undefined || input.document === null ? null : assertValidDocument(withMetadata(input.document, { code: scheme.code }));
    // Names and period not given explicitly follow the new document, so the two never disagree.
    if (input.name !== undefined && input.name !== null) scheme.name = input.name.trim();
    else if (given) scheme.name = given.name.en;
    if (input.nameZh !== undefined) scheme.nameZh = input.nameZh;
    else if (given) scheme.nameZh = given.name.zh;
    if (input.periodType) scheme.periodType = input.periodType;
    else if (given) scheme.periodType = fromDocumentPeriod(given.period);
    if (input.applicableDepartmentIds) scheme.applicableDepartmentIds = [...new Set(input.applicableDepartmentIds)];
    if (input.applicablePositionIds) scheme.applicablePositionIds = [...new Set(input.applicablePositionIds)];
    let base: SchemeDefinition | null = given ?? (scheme.draft ? storedDocument(scheme.draft) : null);
    if (!base && (input.name !== undefined || input.nameZh !== undefined || input.periodType)) {
      // A metadata change of a published scheme belongs to its next version: start the draft from the latest one.
      const latest = await em.findOne(SchemeVersion, { scheme: id, number: scheme.latestVersionNumber });
      base = latest ? storedDocument(latest.document) : null;
    }
    if (base) scheme.draft = assertValidDocument(withMetadata(base, scheme)) as unknown as Record<string, unknown>;
    await em.flush();
    recordAudit(em, ctx, { operation: 'updateScheme', entityType: 'Scheme', entityId: id, before, after: snapshot(scheme) });
    return scheme;
  });
}

/** Freezes the draft as version N+1 (after validating it again) and clears the draft. */
export async function publishScheme(ctx: RequestContext, id: string, version: number): Promise<SchemeVersion> {
  return inTransaction(ctx, async (em) => {
    const scheme = await lockedScheme(em, id, version);
    assertNotArchived(scheme);
    if (!scheme.draft)
      throw new AppError('VALIDATION_FAILED', 'id: the scheme has no draft to publish.', [{ field: 'id', rule: 'no_draft', message: 'the scheme has no draft to publish' }]);
    const before = snapshot(scheme);
    const document = assertValidDocument(scheme.draft);
    const published = em.create(SchemeVersion, {
      scheme,
      number: scheme.latestVersionNumber + 1,
      document: document as unknown as Record<string, unknown>,
      indicatorCodes: indicatorCodesOf(document),
      publishedByUserId: ctx.actor?.userId ?? null,
      publishedBy: await ownerName(em, ctx),
    });
    scheme.latestVersionNumber = published.number;
    scheme.status = SchemeStatus.PUBLISHED;
    scheme.draft = null;
    await em.flush();
    recordAudit(em, ctx, { operation: 'publishScheme', entityType: 'Scheme', entityId: id, before, after: { ...snapshot(scheme), publishedVersionId: published.id } });
    recordAudit(em, ctx, { operation: 'createSchemeVersion', entityType: 'SchemeVersion', entityId: published.id, after: snapshot(published) });
    return published;
  });
}

export async function discardSchemeDraft(ctx: RequestContext, id: string, version: number): Promise<Scheme> {
  return inTransaction(ctx, async (em) => {
    const scheme = await lockedScheme(em, id, version);
    if (scheme.latestVersionNumber === 0)
      throw new AppError('VALIDATION_FAILED', 'id: a scheme that was never published has only its draft.', [
        { field: 'id', rule: 'never_published', message: 'a scheme that was never published has only its draft; archive it instead' },
      ]);
    if (!scheme.draft) throw new AppError('VALIDATION_FAILED', 'id: the scheme has no draft.', [{ field: 'id', rule: 'no_draft', message: 'the scheme has no draft' }]);
    const before = snapshot(scheme);
    scheme.draft = null;
    await em.flush();
    recordAudit(em, ctx, { operation: 'discardSchemeDraft', entityType: 'Scheme', entityId: id, before, after: snapshot(scheme) });
    return scheme;
  });
}

/** Archives a scheme: no new edits or versions; its versions stay readable by whatever pinned them. */
export async function archiveScheme(ctx: RequestContext, id: string, version: number): Promise<Scheme> {
  return inTransaction(ctx, async (em) => {
    const scheme = await lockedScheme(em, id, version);
    assertNotArchived(scheme);
    const before = snapshot(scheme);
    scheme.status = SchemeStatus.ARCHIVED;
    await em.flush();
    recordAudit(em, ctx, { operation: 'archiveScheme', entityType: 'Scheme', entityId: id, before, after: snapshot(scheme) });
    return scheme;
  });
}
