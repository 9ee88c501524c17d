import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { ArgLimits } from '../../core/input-limits.js';
import { present } from '../../core/loading.js';
import { FileDownload } from '../org/employee-export.service.js';
import { DepartmentNode, PositionNode } from '../org/org.types.js';
import { documentView, SchemeDocument } from './scheme-document.types.js';
import { storedDocument } from './scheme-documents.js';
import * as files from './scheme-file.service.js';
import * as templates from './scheme-templates.js';
import { SchemeVersion } from './scheme-version.entity.js';
import { Scheme } from './scheme.entity.js';
import * as schemes from './scheme.service.js';
import { CreateSchemeInput, SchemesArgs, SchemeTemplate, UpdateSchemeInput } from './schemes.inputs.js';

export const SchemeConnection = connectionType(Scheme, 'Scheme');

@Resolver(() => Scheme)
export class SchemeResolver {
  @Query(() => SchemeConnection, { description: 'Schemes the caller may read: HR all; COMMITTEE every published one; others the published ones that apply to them.' })
  schemes(@Ctx() ctx: RequestContext, @Args(() => SchemesArgs) args: SchemesArgs, @Info() info: GraphQLResolveInfo) {
    return schemes.listSchemes(ctx, args, info);
  }

  @Query(() => Scheme, { description: 'One scheme; NOT_FOUND when absent or outside the caller\'s scope.' })
  scheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return schemes.getScheme(ctx, id);
  }

  @Query(() => [SchemeTemplate], { description: 'The five seed programs, usable as templates (HR).' })
  schemeTemplates() {
    return templates.listTemplates();
  }

  @Query(() => FileDownload, { description: 'A scheme as a JSON file: the draft, or a published version (HR).' })
  exportScheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('versionNumber', () => Int, { nullable: true }) versionNumber?: number) {
    return files.exportScheme(ctx, id, versionNumber ?? undefined);
  }

  @Mutation(() => Scheme, { description: 'Creates a scheme with a draft (HR).' })
  createScheme(@Ctx() ctx: RequestContext, @Arg('input', () => CreateSchemeInput) input: CreateSchemeInput) {
    return schemes.createScheme(ctx, input);
  }

  @Mutation(() => Scheme, { description: 'Creates a scheme whose draft is a copy of a seed template (HR).' })
  @ArgLimits({ template: 'code', code: 'code', name: 'name' })
  createSchemeFromTemplate(
    @Ctx() ctx: RequestContext,
    @Arg('template', () => String) template: string,
    @Arg('code', () => String) code: string,
    @Arg('name', () => String, { nullable: true }) name?: string,
  ) {
    return schemes.createSchemeFromTemplate(ctx, template, code, name ?? undefined);
  }

  @Mutation(() => Scheme, { description: 'Edits metadata and/or the draft (HR); editing a published scheme starts a new draft. CONFLICT when `input.version` is stale.' })
  updateScheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateSchemeInput) input: UpdateSchemeInput) {
    return schemes.updateScheme(ctx, id, input);
  }

  @Mutation(() => SchemeVersion, { description: 'Freezes the draft as the next numbered version (HR); the draft must validate.' })
  publishScheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return schemes.publishScheme(ctx, id, version);
  }

  @Mutation(() => Scheme, { description: 'Drops the draft of a published scheme (HR).' })
  discardSchemeDraft(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return schemes.discardSchemeDraft(ctx, id, version);
  }

  @Mutation(() => Scheme, { description: 'Archives a scheme (HR): no new drafts or versions; existing versions stay.' })
  archiveScheme(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return schemes.archiveScheme(ctx, id, version);
  }

  @Mutation(() => Scheme, { description: 'Creates a new scheme from an exported JSON file, its document as the draft (HR). `code` renames it.' })
  @ArgLimits({ fileName: 'shortText', contentBase64: 'base64File', code: 'code' })
  importScheme(
    @Ctx() ctx: RequestContext,
    @Arg('fileName', () => String) fileName: string,
    @Arg('contentBase64', () => String) contentBase64: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ) {
    return files.importScheme(ctx, fileName, contentBase64, code ?? undefined);
  }

  @FieldResolver(() => [DepartmentNode], { description: 'Departments it applies to (with their sub-departments); empty = every department.' })
  async applicableDepartments(@Root() scheme: Scheme, @Ctx() ctx: RequestContext) {
    return present(await ctx.loaders.department.loadMany(scheme.applicableDepartmentIds));
  }

  @FieldResolver(() => [PositionNode], { description: 'Positions it applies to; empty = every position.' })
  async applicablePositions(@Root() scheme: Scheme, @Ctx() ctx: RequestContext) {
    return present(await ctx.loaders.position.loadMany(scheme.applicablePositionIds));
  }

  @FieldResolver(() => SchemeDocument, { nullable: true, description: 'The draft being edited (HR only); null when there is none.' })
  draft(@Root() scheme: Scheme) {
    return scheme.draft ? documentView(storedDocument(scheme.draft)) : null;
  }

  @FieldResolver(() => SchemeVersion, { nullable: true, description: 'The newest published version.' })
  async latestVersion(@Root() scheme: Scheme, @Ctx() ctx: RequestContext) {
    return (await ctx.schemeLoaders.versions.load(scheme.id))[0] ?? null;
  }

  @FieldResolver(() => [SchemeVersion], { description: 'Published versions, newest first.' })
  versions(@Root() scheme: Scheme, @Ctx() ctx: RequestContext) {
    return ctx.schemeLoaders.versions.load(scheme.id);
  }
}

@Resolver(() => SchemeVersion)
export class SchemeVersionResolver {
  @FieldResolver(() => Scheme, { description: 'The scheme this is a version of.' })
  scheme(@Root() version: SchemeVersion, @Ctx() ctx: RequestContext) {
    return schemes.schemeOfVersion(ctx, version);
  }

  @FieldResolver(() => SchemeDocument, { description: 'The frozen document as typed fields.' })
  document(@Root() version: SchemeVersion) {
    return documentView(storedDocument(version.document));
  }
}
