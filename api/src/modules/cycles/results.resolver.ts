import { explainPublished, type PublishedResult as PublishedRecord } from '@appraisal/domain';
import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ArgLimits } from '../../core/input-limits.js';
import type { RequestContext } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { toDate } from '../../core/projection.js';
import { appraisalInScope } from './appraisal.read.js';
import { AppraisalNode } from './appraisal.types.js';
import { applyCalibrationProposal, changeAppraisalGrade, cycleCalibration } from './calibration.service.js';
import { schemeDocument } from './cycle-data.js';
import { getCycle } from './cycle.service.js';
import { CycleNode } from './cycle.types.js';
import { FileDownload } from '../org/employee-export.service.js';
import { exportCycleResults } from './results-export.service.js';
import { acknowledgeResult, closeCycle, publishCycle, refuseAcknowledgement } from './publish.service.js';
import { AcknowledgementView, AppraisalPayView, CalibrationGroupView, GradeChangeView, PayLineView, PublishOverrideInput, RaterCommentView } from './results.types.js';

interface ResultRows {
  published: { record: PublishedRecord; payTotal: string | null } | undefined;
  lines: PayLineView[];
  acknowledgement: AcknowledgementView;
  changes: GradeChangeView[];
  comments: RaterCommentView[];
}

// One batched statement per kind of data for a whole page of appraisals (no statement per row).
const loaders = new WeakMap<RequestContext, DataLoader<string, ResultRows>>();
function resultLoader(ctx: RequestContext): DataLoader<string, ResultRows> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (keys) => {
      const ids = [...keys];
      const rows = await ctx.db.rows<{ id: string; kind: string; data: Record<string, unknown> }>(
        sql`select p.appraisal_id as id, 'published' as kind, jsonb_build_object('record', p.record, 'payTotal', p.pay_total::text) as data
              from appraisal a join published_result p on p.appraisal_id = a.id and p.result_id = a.result_id where a.id = any(${ids}::uuid[])
            union all
            select l.appraisal_id, 'line', jsonb_build_object('component', l.component, 'amount', l.amount::text, 'detail', l.detail)
              from pay_line l where l.appraisal_id = any(${ids}::uuid[])
            union all
            select a.id, 'ack', jsonb_build_object('due', a.acknowledgement_due::text, 'acknowledgedAt', a.acknowledged_at, 'refusedAt', a.refused_at, 'refusalReason', a.refusal_reason, 'lapsedAt', a.lapsed_at)
              from appraisal a where a.id = any(${ids}::uuid[])
            union all
            select g.appraisal_id, 'change', jsonb_build_object('id', g.id, 'from', g.from_grade, 'to', g.to_grade, 'reason', g.reason, 'source', g.source, 'rank', g.rank, 'groupSize', g.group_size, 'createdAt', g.created_at)
              from grade_change g where g.appraisal_id = any(${ids}::uuid[])
            union all
            select r.appraisal_id, 'comment', jsonb_build_object('section', r.section, 'role', r.role, 'comment', r.comment, 'itemComments', r.item_comments)
              from rating r where r.appraisal_id = any(${ids}::uuid[]) and r.state = 'submitted' and (r.comment is not null or r.item_comments is not null)`,
      );
      const by = new Map<string, ResultRows>(ids.map((id) => [id, { published: undefined, lines: [], acknowledgement: { due: null, acknowledgedAt: null, refusedAt: null, refusalReason: null, lapsedAt: null }, changes: [], comments: [] }]));
      for (const r of rows) {
        const entry = by.get(r.id);
        if (!entry) continue;
        const d = r.data;
        if (r.kind === 'published') entry.published = { record: d.record as PublishedRecord, payTotal: (d.payTotal as string | null) ?? null };
        else if (r.kind === 'line') entry.lines.push({ component: d.component as string, amount: d.amount as string, detail: (d.detail as string | null) ?? null });
        else if (r.kind === 'ack')
          entry.acknowledgement = {
            due: (d.due as string | null) ?? null,
            acknowledgedAt: d.acknowledgedAt ? toDate(d.acknowledgedAt) : null,
            refusedAt: d.refusedAt ? toDate(d.refusedAt) : null,
            refusalReason: (d.refusalReason as string | null) ?? null,
            lapsedAt: d.lapsedAt ? toDate(d.lapsedAt) : null,
          };
        else if (r.kind === 'change')
          entry.changes.push({ id: d.id as string, from: (d.from as string | null) ?? null, to: d.to as string, reason: d.reason as string, source: d.source as string, rank: (d.rank as number | null) ?? null, groupSize: (d.groupSize as number | null) ?? null, createdAt: toDate(d.createdAt) });
        else entry.comments.push({ section: d.section as string, role: d.role as string, comment: (d.comment as string | null) ?? null, itemComments: (d.itemComments as Record<string, string> | null) ?? null });
      }
      for (const e of by.values()) {
        e.lines.sort((a, b) => a.component.localeCompare(b.component));
        e.changes.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      }
      return ids.map((id) => by.get(id) as ResultRows);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

/** The published explanation of an appraisal (engine trace plus calibration and pay), in the caller's language; null before publication. */
export async function publishedExplanation(ctx: RequestContext, a: AppraisalNode, lang: 'en' | 'zh'): Promise<string[] | null> {
  const rows = await resultLoader(ctx).load(a.id);
  if (!rows.published) return null;
  return explainPublished(rows.published.record, lang, await schemeDocument(ctx.db, a.schemeVersionId));
}

@Resolver(() => AppraisalNode)
export class AppraisalResultsResolver {
  @FieldResolver(() => AppraisalPayView, { nullable: true, description: 'The published pay: total and lines; null before publication or when the scheme pays nothing.' })
  async pay(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext): Promise<AppraisalPayView | null> {
    const rows = await resultLoader(ctx).load(a.id);
    if (!rows.published || rows.published.payTotal === null) return null;
    return { total: rows.published.payTotal, lines: rows.lines };
  }

  @FieldResolver(() => [PayLineView], { description: 'The published pay lines (payroll reads them); empty before publication.' })
  async payLines(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext): Promise<PayLineView[]> {
    return (await resultLoader(ctx).load(a.id)).lines;
  }

  @FieldResolver(() => AcknowledgementView, { description: 'Due date and the employee\'s answer to the published result.' })
  async acknowledgement(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext): Promise<AcknowledgementView> {
    return (await resultLoader(ctx).load(a.id)).acknowledgement;
  }

  @FieldResolver(() => [GradeChangeView], { description: 'Grade changes in calibration, oldest first (HR).' })
  async gradeChanges(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext): Promise<GradeChangeView[]> {
    return (await resultLoader(ctx).load(a.id)).changes;
  }

  @FieldResolver(() => [RaterCommentView], { description: 'Comments of the submitted ratings, without rater names (per the scheme\'s visibility).' })
  async raterComments(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext): Promise<RaterCommentView[]> {
    return (await resultLoader(ctx).load(a.id)).comments;
  }

  @Mutation(() => AppraisalNode, { description: 'Changes an appraisal\'s grade in calibration, with a reason (HR; audited, kept as a grade change).' })
  @ArgLimits({ to: 'code', reason: 'comment' })
  async changeGrade(
    @Ctx() ctx: RequestContext,
    @Arg('appraisalId', () => ID) appraisalId: string,
    @Arg('version', () => Int) version: number,
    @Arg('to', () => String, { description: 'The new grade code.' }) to: string,
    @Arg('reason', () => String, { description: 'Why (required).' }) reason: string,
  ): Promise<AppraisalNode | null> {
    await changeAppraisalGrade(ctx, appraisalId, version, to, reason);
    return appraisalInScope(ctx, appraisalId);
  }

  @Mutation(() => AppraisalNode, { description: 'The appraised employee acknowledges a published result inside the acknowledgement window.' })
  acknowledgeResult(@Ctx() ctx: RequestContext, @Arg('appraisalId', () => ID) appraisalId: string, @Arg('version', () => Int) version: number) {
    return acknowledgeResult(ctx, appraisalId, version);
  }

  @Mutation(() => AppraisalNode, { description: 'The appraised employee refuses to acknowledge a published result, with a reason (the start of an appeal).' })
  @ArgLimits({ reason: 'comment' })
  refuseAcknowledgement(@Ctx() ctx: RequestContext, @Arg('appraisalId', () => ID) appraisalId: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String, { description: 'Why (required).' }) reason: string) {
    return refuseAcknowledgement(ctx, appraisalId, version, reason);
  }
}

@Resolver(() => CycleNode)
export class CycleResultsResolver {
  @FieldResolver(() => [CalibrationGroupView], { description: 'Calibration per group: grade distribution against the quotas, violations, the engine\'s proposal (HR).' })
  calibration(@Root() cycle: CycleNode, @Ctx() ctx: RequestContext) {
    return cycleCalibration(ctx, cycle.id);
  }

  @Mutation(() => CycleNode, { description: 'Accepts the engine\'s calibration proposal for one group, or every group when groupKey is omitted (HR; each move audited).' })
  @ArgLimits({ groupKey: 'code' })
  async applyCalibrationProposal(
    @Ctx() ctx: RequestContext,
    @Arg('cycleId', () => ID) cycleId: string,
    @Arg('version', () => Int) version: number,
    @Arg('groupKey', () => String, { nullable: true, description: 'The group; omitted = every group.' }) groupKey?: string | null,
  ) {
    await applyCalibrationProposal(ctx, cycleId, version, groupKey ?? null);
    return getCycle(ctx, cycleId);
  }

  @Mutation(() => CycleNode, { description: 'Publishes a cycle: results, calibrated grades and pay; refused while quotas are violated unless overridden with a reason (HR, audited, idempotent).' })
  publishCycle(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('override', () => PublishOverrideInput, { nullable: true, description: 'Publish despite quota violations, with the reason.' }) override?: PublishOverrideInput | null,
  ) {
    return publishCycle(ctx, id, version, { override: override ?? null });
  }

  @Query(() => FileDownload, { description: 'A cycle\'s results as an .xlsx workbook (HR; audited like every export): total, grades, pay and the acknowledgement per appraisal.' })
  exportCycleResults(
    @Ctx() ctx: RequestContext,
    @Arg('cycleId', () => ID) cycleId: string,
    @Arg('lang', () => String, { defaultValue: 'en', description: '"en" or "zh": the headers\' and states\' language.' }) lang: string,
  ): Promise<FileDownload> {
    return exportCycleResults(ctx, cycleId, lang === 'zh' ? 'zh' : 'en');
  }

  @Mutation(() => CycleNode, { description: 'Closes a published cycle: its appraisals are frozen (HR, audited).' })
  closeCycle(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return closeCycle(ctx, id, version);
  }
}
