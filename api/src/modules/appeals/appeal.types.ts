import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars.js';
import { AttachmentInput } from '../ledger/ledger.types.js';

export enum AppealStateValue {
  FILED = 'filed',
  UNDER_REVIEW = 'under_review',
  DECIDED = 'decided',
  CLOSED = 'closed',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(AppealStateValue, { name: 'AppealState', description: 'filed -> under review -> decided -> closed; withdrawn by the appellant before a decision.' });

export enum AppealTargetKindValue {
  RESULT = 'result',
  LEDGER_ENTRY = 'ledgerEntry',
}
registerEnumType(AppealTargetKindValue, { name: 'AppealTargetKind', description: 'What is appealed: a published appraisal result or an approved ledger entry.' });

export enum AppealOutcomeValue {
  UPHELD = 'upheld',
  REJECTED = 'rejected',
}
registerEnumType(AppealOutcomeValue, { name: 'AppealOutcome', description: 'Upheld (the result is re-scored / the entry reversed) or rejected with a reason.' });

export enum AppealHandlerRoleValue {
  HANDLER = 'handler',
  COMMITTEE = 'committee',
}
registerEnumType(AppealHandlerRoleValue, { name: 'AppealHandlerRole', description: 'A handler HR assigns, or a committee member where the scheme lets the committee handle appeals.' });

export enum AppealSortField {
  DUE_ON = 'DUE_ON',
  FILED_ON = 'FILED_ON',
  STATE = 'STATE',
}
registerEnumType(AppealSortField, { name: 'AppealSortField', description: 'What appeals can be ordered by.' });

@ObjectType('AppealFlags', { simpleResolvers: true, description: 'Where an open appeal stands against its due date, in working days of the work calendar.' })
export class AppealFlagsView {
  @Field(() => Boolean, { description: 'Open and past its due day.' }) overdue!: boolean;
  @Field(() => Boolean, { description: 'Open and due within two working days.' }) nearDue!: boolean;
  @Field(() => Int, { description: 'Working days until the due day (0 on it, negative once past).' }) workingDaysLeft!: number;
}

@ObjectType('AppealTarget', { simpleResolvers: true, description: 'What an appeal is against.' })
export class AppealTargetView {
  @Field(() => AppealTargetKindValue, { description: 'A result or a ledger entry.' }) kind!: AppealTargetKindValue;
  @Field(() => ID, { nullable: true, description: 'The appealed appraisal (result appeals).' }) appraisalId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The appealed ledger entry (entry appeals).' }) ledgerEntryId!: string | null;
  @Field(() => String, { nullable: true, description: 'The cycle of the appealed result, in English.' }) cycleName!: string | null;
  @Field(() => String, { nullable: true, description: 'The period of the appealed result, e.g. "2025-09".' }) periodKey!: string | null;
}

@ObjectType('AppealResultVersion', { simpleResolvers: true, description: 'One published version of the appealed result.' })
export class AppealResultVersionView {
  @Field(() => Int, { description: 'Result number within the appraisal (1, then 2 after a re-score, ...).' }) number!: number;
  @Field(() => String, { description: 'Total score.' }) total!: string;
  @Field(() => String, { nullable: true, description: 'Grade.' }) grade!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Pay of this version; null when the scheme pays nothing.' }) payTotal!: string | null;
}

@ObjectType('AppealAttachment', { simpleResolvers: true, description: 'Metadata of a file filed with an appeal.' })
export class AppealAttachmentView {
  @Field(() => String, { description: 'File name.' }) name!: string;
  @Field(() => String, { description: 'MIME type.' }) contentType!: string;
  @Field(() => Int, { description: 'Size in bytes.' }) size!: number;
  @Field(() => String, { description: 'Hex SHA-256 of the content.' }) sha256!: string;
}

@ObjectType('AppealNote', { simpleResolvers: true, description: 'A handling note (HR and the handlers).' })
export class AppealNoteView {
  @Field(() => ID, { description: 'Id.' }) id!: string;
  @Field(() => String, { description: 'The note.' }) text!: string;
  @Field(() => String, { description: 'Who wrote it.' }) author!: string;
  @Field(() => Date, { description: 'When.' }) createdAt!: Date;
}

@ObjectType('AppealHandler', { simpleResolvers: true, description: 'Someone HR assigned to handle the appeal.' })
export class AppealHandlerView {
  employeeId!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => AppealHandlerRoleValue, { description: 'Handler or committee member.' }) role!: AppealHandlerRoleValue;
  @Field(() => Date, { description: 'When HR assigned them.' }) assignedAt!: Date;
}

/** A statement request as a plain row with its facts. */
@ObjectType('StatementRequest', { simpleResolvers: true, description: 'A question HR asks a rater of the appealed result, with the excerpt HR chose to share. The rater sees this, never the appeal.' })
export class StatementRequestNode {
  __typename!: 'StatementRequest';
  appealId!: string;
  raterEmployeeId!: string;
  @Field(() => ID, { description: 'Id.' }) id!: string;
  @Field(() => String, { description: 'The question.' }) question!: string;
  @Field(() => String, { description: 'What of the appeal HR shares with the rater.' }) sharedExcerpt!: string;
  @Field(() => LocalDateScalar, { description: 'The statement is due on this day.' }) dueOn!: string;
  @Field(() => String, { nullable: true, description: 'The rater\'s statement (written once).' }) statement!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was given.' }) answeredAt!: Date | null;
  @Field(() => String, { description: 'The rater\'s name.' }) rater!: string;
  @Field(() => Date, { description: 'When HR asked.' }) createdAt!: Date;
}

/** The read model of an appeal: a plain row with its facts. */
@ObjectType('Appeal', { implements: Node, simpleResolvers: true, description: 'An employee\'s appeal against a published result or a ledger entry, answered within N working days.' })
export class AppealNode extends RecordNode {
  declare __typename: 'Appeal';
  appellantEmployeeId!: string;
  resultId!: string | null;
  newResultId!: string | null;
  @Field(() => AppealTargetView, { description: 'What is appealed.' }) target!: AppealTargetView;
  @Field(() => AppealStateValue, { description: 'Workflow state.' }) state!: AppealStateValue;
  @Field(() => LocalDateScalar, { description: 'Filed on.' }) filedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The last day it could be filed (the scheme\'s appeal window).' }) windowCloses!: string | null;
  @Field(() => LocalDateScalar, { description: 'The answer is due on this day (N working days after filing; shown to both sides).' }) dueOn!: string;
  @Field(() => AppealFlagsView, { description: 'Overdue / near due, in working days.' }) flags!: AppealFlagsView;
  @Field(() => Date, { nullable: true, description: 'When it was decided.' }) decidedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was closed.' }) closedAt!: Date | null;
  @Field(() => String, { description: 'Why the appellant disagrees.' }) grounds!: string;
  @Field(() => [AppealAttachmentView], { description: 'Files filed with it (metadata).' }) attachments!: AppealAttachmentView[];
  @Field(() => String, { description: 'The appellant\'s name.' }) appellant!: string;
  @Field(() => AppealOutcomeValue, { nullable: true, description: 'The decision.' }) outcome!: AppealOutcomeValue | null;
  @Field(() => String, { nullable: true, description: 'The decision\'s reason.' }) reason!: string | null;
  @Field(() => JSONResolver, { nullable: true, description: 'What an upheld appeal corrected: { description, items, removeAdjustments } or { reverseEntry }.' }) correction!: Record<string, unknown> | null;
  @Field(() => Date, { nullable: true, description: 'When the appellant withdrew it.' }) withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was withdrawn.' }) withdrawalReason!: string | null;
}

@ObjectType('AppealDashboard', { simpleResolvers: true, description: 'HR\'s appeal desk: open appeals against their due dates.' })
export class AppealDashboardView {
  @Field(() => Int, { description: 'Filed or under review.' }) open!: number;
  @Field(() => Int, { description: 'Open and past the due day.' }) overdue!: number;
  @Field(() => Int, { description: 'Open and due within two working days.' }) nearDue!: number;
  @Field(() => Int, { description: 'Decided and waiting to be closed.' }) decided!: number;
}

@InputType({ description: 'An appeal as the employee files it: against a published result (appraisalId) or an approved ledger entry.' })
export class FileAppealInput {
  @Field(() => ID, { nullable: true, description: 'The appraisal whose published result is appealed.' }) appraisalId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The ledger entry appealed.' }) ledgerEntryId?: string | null;
  @Limit('comment') @Field(() => String, { description: 'Why you disagree.' }) grounds!: string;
  @Field(() => [AttachmentInput], { nullable: true, description: 'Files (metadata).' }) attachments?: AttachmentInput[] | null;
}

@InputType({ description: 'One corrected item: what the raters of a role in a section now say for it.' })
export class RescoreItemInput {
  @Limit('code') @Field(() => String, { description: 'Section id.' }) section!: string;
  @Limit('code') @Field(() => String, { description: 'Rater role (SUPERVISOR, PEER, ...).' }) role!: string;
  @Limit('code') @Field(() => String, { description: 'Item id.' }) item!: string;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Points (range items).' }) points?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Level (rubric items).' }) level?: string | null;
  @Field(() => JSONResolver, { nullable: true, description: 'Occurrences per deduction rule (deduction items), e.g. { "late": 0 }.' }) occurrences?: Record<string, number> | null;
  @Field(() => Boolean, { nullable: true, description: 'Pass/fail items.' }) passed?: boolean | null;
}

@InputType({ description: 'What an upheld result appeal corrects before the result is scored again.' })
export class AppealCorrectionInput {
  @Limit('comment') @Field(() => String, { description: 'What is corrected, in words.' }) description!: string;
  @Field(() => [RescoreItemInput], { nullable: true, description: 'Corrected items.' }) items?: RescoreItemInput[] | null;
  @Field(() => [String], { nullable: true, description: 'Adjustments removed, by rule id.' }) removeAdjustments?: string[] | null;
}

@InputType({ description: 'The handler\'s decision.' })
export class AppealDecisionInput {
  @Field(() => AppealOutcomeValue, { description: 'Upheld or rejected.' }) outcome!: AppealOutcomeValue;
  @Limit('comment') @Field(() => String, { description: 'The reason (shown to the appellant).' }) reason!: string;
  @Field(() => AppealCorrectionInput, { nullable: true, description: 'Upheld result appeals: the correction (re-scored as a new result version).' }) correction?: AppealCorrectionInput | null;
}

@InputType({ description: 'A question for a rater of the appealed result.' })
export class StatementRequestInput {
  @Field(() => ID, { description: 'The rater (employee).' }) raterEmployeeId!: string;
  @Limit('comment') @Field(() => String, { description: 'The question.' }) question!: string;
  @Limit('comment') @Field(() => String, { description: 'What of the appeal the rater may see (never the whole appeal by default).' }) sharedExcerpt!: string;
  @Field(() => Int, { description: 'Working days to answer (the statement must be due before the appeal).' }) dueWorkingDays!: number;
}

@InputType({ description: 'Which appeals to list; all conditions must hold.' })
export class AppealFilter {
  @Field(() => String, { nullable: true, description: 'Grounds or the appellant\'s name contain this text.' }) @Limit('searchTerm') q?: string | null;
  @Field(() => [AppealStateValue], { nullable: true, description: 'Only these states.' }) state?: AppealStateValue[] | null;
  @Field(() => AppealTargetKindValue, { nullable: true, description: 'Only this kind of target.' }) targetKind?: AppealTargetKindValue | null;
  @Field(() => ID, { nullable: true, description: 'Only appellants of this department (and its sub-departments) when filing.' }) departmentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this appellant.' }) appellantId?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Only appeals due on or before this day.' }) dueBefore?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True: only open appeals past their due day.' }) overdue?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'True: only open appeals due within two working days.' }) nearDue?: boolean | null;
}

export const AppealSort = sortInputType('AppealSort', AppealSortField, 'appeals');
export type AppealSort = SortKey<AppealSortField>;

export const AppealsArgs = listArgsType(AppealFilter, AppealSort, 'due date, soonest first');
export type AppealsArgs = ListArgs<AppealFilter, AppealSort>;
