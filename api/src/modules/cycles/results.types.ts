import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Limit } from '../../core/input-limits.js';
import { LocalDateScalar } from '../../core/scalars.js';
import { IssueView } from './cycle.types.js';

@ObjectType('GradeCount', { simpleResolvers: true, description: 'How many people of a calibration group hold a grade.' })
export class GradeCountView {
  @Field(() => String, { description: 'Grade code.' }) grade!: string;
  @Field(() => Int, { description: 'People holding it now (after calibration changes).' }) count!: number;
  @Field(() => String, { description: 'count / group size in percent, 2 places.' }) percent!: string;
}

@ObjectType('CalibrationProposalRow', { simpleResolvers: true, description: 'One member in the engine\'s calibration proposal: rank in the group (1 = best), grade now and grade proposed.' })
export class CalibrationProposalRowView {
  @Field(() => ID, { description: 'The appraisal.' }) appraisalId!: string;
  @Field(() => ID, { description: 'The employee.' }) employeeId!: string;
  @Field(() => Int, { description: 'Rank in the group, 1 = best (total, then the tie-break sections, then employee id).' }) rank!: number;
  @Field(() => String, { description: 'Grade now.' }) from!: string;
  @Field(() => String, { description: 'Grade proposed.' }) to!: string;
}

@ObjectType('CalibrationGroup', { simpleResolvers: true, description: 'One calibration group (department or team) of a cycle: its grade distribution against the scheme\'s quotas, the violations and the engine\'s proposal.' })
export class CalibrationGroupView {
  @Field(() => String, { description: 'Group key: the department (or team) id snapshotted at launch.' }) groupKey!: string;
  @Field(() => String, { nullable: true, description: 'Name of the department the key names, when it is one.' }) groupName!: string | null;
  @Field(() => String, { nullable: true, description: 'Chinese name of that department, when it has one.' }) groupNameZh!: string | null;
  @Field(() => Int, { description: 'People with a result in the group.' }) size!: number;
  @Field(() => [GradeCountView], { description: 'Count and share of each grade of the scheme.' }) counts!: GradeCountView[];
  @Field(() => [IssueView], { description: 'Quotas the current grades break (quota_exceeded / quota_not_met with params).' }) violations!: IssueView[];
  @Field(() => [CalibrationProposalRowView], { description: 'The proposal\'s moves (members whose grade would change); empty when the quotas hold.' }) proposal!: CalibrationProposalRowView[];
}

@ObjectType('GradeChange', { simpleResolvers: true, description: 'A grade changed in calibration: by HR with a reason, or by accepting the engine\'s proposal (append-only).' })
export class GradeChangeView {
  @Field(() => ID, { description: 'Id.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Grade before.' }) from!: string | null;
  @Field(() => String, { description: 'Grade after.' }) to!: string;
  @Field(() => String, { description: 'Why.' }) reason!: string;
  @Field(() => String, { description: 'HR or PROPOSAL.' }) source!: string;
  @Field(() => Int, { nullable: true, description: 'Rank in the group when changed (1 = best).' }) rank!: number | null;
  @Field(() => Int, { nullable: true, description: 'Group size when changed.' }) groupSize!: number | null;
  @Field(() => Date, { description: 'When.' }) createdAt!: Date;
}

@ObjectType('PayLine', { simpleResolvers: true, description: 'One pay component of a published result (exact to the cent; payroll reads these).' })
export class PayLineView {
  @Field(() => String, { description: 'Component id of the scheme\'s pay rules, e.g. "floatingPay", "bonus".' }) component!: string;
  @Field(() => String, { description: 'Amount as a decimal string with 2 places.' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'How it was computed, in words.' }) detail!: string | null;
}

@ObjectType('AppraisalPay', { simpleResolvers: true, description: 'The pay of a published result.' })
export class AppraisalPayView {
  @Field(() => String, { description: 'Sum of the lines, 2 places.' }) total!: string;
  @Field(() => [PayLineView], { description: 'The lines.' }) lines!: PayLineView[];
}

@ObjectType('Acknowledgement', { simpleResolvers: true, description: 'The employee\'s answer to a published result, due on the work calendar.' })
export class AcknowledgementView {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day to answer (working days after publication).' }) due!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the employee acknowledged.' }) acknowledgedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the employee refused.' }) refusedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the employee refused (the start of an appeal).' }) refusalReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the window passed unanswered.' }) lapsedAt!: Date | null;
}

@ObjectType('RaterComment', { simpleResolvers: true, description: 'A submitted rating\'s comments, without the rater\'s name.' })
export class RaterCommentView {
  @Field(() => String, { description: 'Section id.' }) section!: string;
  @Field(() => String, { description: 'Rater role.' }) role!: string;
  @Field(() => String, { nullable: true, description: 'Overall comment.' }) comment!: string | null;
  @Field(() => JSONResolver, { nullable: true, description: 'Comments per item: { itemId: text }.' }) itemComments!: Record<string, string> | null;
}

@InputType({ description: 'HR publishing despite quota violations: the reason kept with the cycle and the audit.' })
export class PublishOverrideInput {
  @Limit('comment') @Field(() => String, { description: 'Why the quotas are overridden.' }) reason!: string;
}
