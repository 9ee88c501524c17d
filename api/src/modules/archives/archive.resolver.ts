import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { toDate } from '../../core/projection.js';
import { LocalDateScalar } from '../../core/scalars.js';
import { FileDownload } from '../org/employee-export.service.js';
import { EmployeeNode } from '../org/org.types.js';
import { employeeArchive } from './archive.read.js';
import { archivePurgePlan, archiveRetention, exportArchive, purgeArchives, saveArchiveRetention } from './archive.service.js';
import { ArchiveExportView, ArchiveLanguage, ArchivePurgePlanView, ArchiveRetentionInput, ArchiveRetentionView, EmployeeArchiveView } from './archive.types.js';

@Resolver(() => EmployeeArchiveView)
export class ArchiveResolver {
  @Query(() => EmployeeArchiveView, { description: 'A person\'s archive in time order (HR anyone\'s; a person their own). Two statements whatever its length.' })
  employeeArchive(
    @Ctx() ctx: RequestContext,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('lang', () => ArchiveLanguage, { defaultValue: ArchiveLanguage.EN, description: 'Language of the explanations.' }) lang: ArchiveLanguage,
    @Arg('from', () => LocalDateScalar, { nullable: true, description: 'Events on or after this day.' }) from?: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Events on or before this day.' }) to?: string | null,
  ) {
    return employeeArchive(ctx, employeeId, lang, { from: from ?? null, to: to ?? null });
  }

  @Query(() => ArchiveRetentionView, { description: 'How long archives are kept (HR).' })
  archiveRetention(@Ctx() ctx: RequestContext) {
    return archiveRetention(ctx);
  }

  @Query(() => ArchivePurgePlanView, { description: 'What a purge would remove today, and what stays with the reason (HR; changes nothing).' })
  archivePurgePlan(@Ctx() ctx: RequestContext) {
    return archivePurgePlan(ctx);
  }

  @Mutation(() => ArchiveRetentionView, { description: 'Sets the retention in years, with longer periods per kind (HR; audited).' })
  saveArchiveRetention(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveRetentionInput) input: ArchiveRetentionInput, @Arg('version', () => Int) version: number) {
    return saveArchiveRetention(ctx, input, version);
  }

  @Mutation(() => FileDownload, { description: 'Exports a person\'s archive as an .xlsx and records the export (HR; a purge needs it).' })
  exportArchive(@Ctx() ctx: RequestContext, @Arg('employeeId', () => ID) employeeId: string) {
    return exportArchive(ctx, employeeId);
  }

  @Mutation(() => ArchivePurgePlanView, { description: 'Purges the records past retention whose archives were exported (HR; never automatic; audited by the database function).' })
  purgeArchives(@Ctx() ctx: RequestContext) {
    return purgeArchives(ctx);
  }

  @FieldResolver(() => EmployeeNode, { nullable: true, description: 'The person (null when the caller may not read their record).' })
  employee(@Root() a: EmployeeArchiveView, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(a.employeeId);
  }

  @FieldResolver(() => ArchiveExportView, { nullable: true, description: 'The last export of this archive (HR).' })
  async lastExport(@Root() a: EmployeeArchiveView, @Ctx() ctx: RequestContext) {
    const rows = await ctx.db.rows<{ id: string; up_to: string; file_sha256: string; events: number; created_at: string }>(
      sql`select id, up_to::text as up_to, file_sha256, events, created_at from archive_export where employee_id = ${a.employeeId}::uuid order by created_at desc limit 1`,
    );
    const r = rows[0];
    return r ? { id: r.id, upTo: r.up_to, fileSha256: r.file_sha256, events: r.events, exportedAt: toDate(r.created_at) } : null;
  }
}
