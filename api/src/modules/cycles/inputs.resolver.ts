import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { ArgLimits } from '../../core/input-limits.js';
import { FileDownload } from '../org/employee-export.service.js';
import { EmployeeNode } from '../org/org.types.js';
import { addAdjustment, adjustmentsOf, removeAdjustment } from './adjustment.service.js';
import { AdjustmentInput, AppraisalAdjustmentView } from './adjustment.types.js';
import { AppraisalNode } from './appraisal.types.js';
import { CycleNode } from './cycle.types.js';
import { importMeasuredInputs, listMeasuredInputs, measuredInputTemplate, saveMeasuredInputs } from './measured-input.service.js';
import { ImportMeasuredInputsInput, MeasuredInputImportReport, MeasuredInputNode, MeasuredInputsArgs, MeasuredInputsSavedView, SaveMeasuredInputsInput } from './measured-input.types.js';
import { cycleLoader } from './rollup.resolver.js';

export const MeasuredInputConnection = connectionType(MeasuredInputNode, 'MeasuredInput');

@Resolver(() => MeasuredInputNode)
export class MeasuredInputResolver {
  @Query(() => MeasuredInputConnection, { description: 'Measured inputs (survey figures, occurrences, work tickets, pay facts): HR all; supervisors those of their line.' })
  measuredInputs(@Ctx() ctx: RequestContext, @Args(() => MeasuredInputsArgs) args: MeasuredInputsArgs, @Info() info: GraphQLResolveInfo) {
    return listMeasuredInputs(ctx, args, info);
  }

  @Mutation(() => MeasuredInputsSavedView, {
    description: 'Saves a person\'s measured inputs in a cycle (HR or a supervisor of their line; launched cycle, before publication), checked against the scheme\'s input definitions; replaces their inputs of those kinds; audited; computes the result when every rating is in.',
  })
  saveMeasuredInputs(@Ctx() ctx: RequestContext, @Arg('input', () => SaveMeasuredInputsInput) input: SaveMeasuredInputsInput) {
    return saveMeasuredInputs(ctx, input);
  }

  @Mutation(() => MeasuredInputImportReport, { description: 'Checks (dryRun) or applies a measured-input sheet for a cycle (HR). Applying writes every row or none and computes the results it completes.' })
  importMeasuredInputs(@Ctx() ctx: RequestContext, @Arg('input', () => ImportMeasuredInputsInput) input: ImportMeasuredInputsInput) {
    return importMeasuredInputs(ctx, input);
  }

  @Query(() => FileDownload, { description: 'The measured-input sheet of a cycle to fill in (HR): the columns import reads, one row per participant and measured value.' })
  measuredInputTemplate(@Ctx() ctx: RequestContext, @Arg('cycleId', () => ID) cycleId: string) {
    return measuredInputTemplate(ctx, cycleId);
  }

  @FieldResolver(() => EmployeeNode, { description: 'The measured person.' })
  employee(@Root() m: MeasuredInputNode, @Ctx() ctx: RequestContext) {
    return ctx.loaders.employee.load(m.employeeId);
  }

  @FieldResolver(() => CycleNode, { nullable: true, description: 'The cycle.' })
  cycle(@Root() m: MeasuredInputNode, @Ctx() ctx: RequestContext) {
    return cycleLoader(ctx).load(m.cycleId);
  }
}

@Resolver(() => AppraisalNode)
export class AdjustmentResolver {
  @Mutation(() => AppraisalNode, {
    description: 'Adds a plus/minus entry of the scheme to an appraisal (HR; a supervisor of the line when the scheme allows it; before publication). An amount outside the rule\'s range is refused naming the range; the engine applies the caps. Audited; a stale version is a CONFLICT.',
  })
  addAdjustment(@Ctx() ctx: RequestContext, @Arg('appraisalId', () => ID) appraisalId: string, @Arg('version', () => Int) version: number, @Arg('input', () => AdjustmentInput) input: AdjustmentInput) {
    return addAdjustment(ctx, appraisalId, version, input);
  }

  @Mutation(() => AppraisalNode, { description: 'Removes a plus/minus entry with a reason (kept, marked removed; same permissions as adding). Audited; a stale version is a CONFLICT.' })
  @ArgLimits({ reason: 'shortText' })
  removeAdjustment(
    @Ctx() ctx: RequestContext,
    @Arg('appraisalId', () => ID) appraisalId: string,
    @Arg('version', () => Int) version: number,
    @Arg('adjustmentId', () => ID) adjustmentId: string,
    @Arg('reason', () => String) reason: string,
  ) {
    return removeAdjustment(ctx, appraisalId, version, adjustmentId, reason);
  }

  @FieldResolver(() => [AppraisalAdjustmentView], { description: 'Plus/minus entries (HR and the line), removed ones included and marked.' })
  adjustments(@Root() a: AppraisalNode, @Ctx() ctx: RequestContext) {
    return adjustmentsOf(ctx, a.id);
  }
}
