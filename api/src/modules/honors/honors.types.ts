import type { HonorProgram } from '@appraisal/domain';
import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';
import { LocalDateScalar } from '../../core/scalars.js';
import { LocalText } from '../schemes/scheme-document.types.js';

/** Honor kinds as GraphQL names (the database and the domain use the lowercase values). */
export enum HonorKindValue {
  EMPLOYEE = 'employee',
  TEAM = 'team',
}
registerEnumType(HonorKindValue, { name: 'HonorKind', description: 'Excellent employees (people) or excellent teams (departments).' });

export enum HonorProgramStateValue {
  DRAFT = 'draft',
  NOMINATING = 'nominating',
  REVIEWING = 'reviewing',
  VOTING = 'voting',
  DECIDED = 'decided',
  ANNOUNCED = 'announced',
  CANCELLED = 'cancelled',
}
registerEnumType(HonorProgramStateValue, { name: 'HonorProgramState', description: 'draft -> nominating -> reviewing (HR checks eligibility) -> voting -> decided (the chair, with minutes) -> announced; cancelled before the decision.' });

export enum HonorProgramActionValue {
  OPEN_NOMINATIONS = 'open_nominations',
  CLOSE_NOMINATIONS = 'close_nominations',
  OPEN_VOTING = 'open_voting',
  ANNOUNCE = 'announce',
  CANCEL = 'cancel',
}
registerEnumType(HonorProgramActionValue, { name: 'HonorProgramAction', description: 'HR\'s steps of a program (the chair\'s decision is recordHonorDecision).' });

export enum NominationStateValue {
  NOMINATED = 'nominated',
  SHORTLISTED = 'shortlisted',
  INELIGIBLE = 'ineligible',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  AWARDED = 'awarded',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(NominationStateValue, { name: 'NominationState', description: 'nominated -> shortlisted (on the ballot) | ineligible; shortlisted -> approved | rejected (the chair); approved -> awarded; withdrawn by the nominator.' });

export enum VoteChoiceEnum {
  APPROVE = 'approve',
  REJECT = 'reject',
  ABSTAIN = 'abstain',
}
registerEnumType(VoteChoiceEnum, { name: 'VoteChoice', description: 'A committee member\'s vote on one candidate.' });

export enum HonorDecisionValue {
  APPROVE = 'approve',
  REJECT = 'reject',
}
registerEnumType(HonorDecisionValue, { name: 'HonorDecision', description: 'The chair\'s decision on one candidate.' });

@ObjectType('DateWindow', { simpleResolvers: true, description: 'A window of days, both ends included.' })
export class DateWindowView {
  @Field(() => LocalDateScalar, { description: 'First day.' }) opens!: string;
  @Field(() => LocalDateScalar, { description: 'Last day.' }) closes!: string;
}

@ObjectType('HonorCriteria', { simpleResolvers: true, description: 'Who may be a candidate: the engine predicates over annual results and the employee record.' })
export class HonorCriteriaView {
  @Field(() => [String], { description: 'Annual grades that qualify (empty: any grade).' }) acceptedGrades!: string[];
  @Field(() => String, { nullable: true, description: 'Lowest annual total that qualifies.' }) minScore!: string | null;
  @Field(() => Boolean, { description: 'A written disciplinary decision in the year disqualifies.' }) noDisciplinaryDecision!: boolean;
  @Field(() => [String], { description: 'Punishment rules of the ledger whose approved entries in the year count as a disciplinary decision.' }) disciplinaryRuleCodes!: string[];
  @Field(() => Int, { description: 'Full months of service at the end of the year.' }) minTenureMonths!: number;
  @Field(() => Int, { nullable: true, description: 'Teams: the fewest members.' }) teamMinMembers!: number | null;
  @Field(() => String, { nullable: true, description: 'Teams: the lowest average annual total of the members.' }) teamMinAverageScore!: string | null;
}

@ObjectType('HonorDepartmentQuota', { simpleResolvers: true, description: 'A department\'s own quota.' })
export class HonorDepartmentQuotaView {
  @Field(() => ID, { description: 'The department.' }) departmentId!: string;
  @Field(() => Int, { description: 'Honours at most.' }) quota!: number;
}

@ObjectType('HonorQuotas', { simpleResolvers: true, description: 'How many honours: overall and per department.' })
export class HonorQuotasView {
  @Field(() => Int, { nullable: true, description: 'Honours at most overall.' }) overall!: number | null;
  @Field(() => Int, { nullable: true, description: 'Honours at most per department (unless named below).' }) perDepartment!: number | null;
  @Field(() => [HonorDepartmentQuotaView], { description: 'Departments with their own quota.' }) departments!: HonorDepartmentQuotaView[];
}

@ObjectType('HonorCommitteeMember', { simpleResolvers: true, description: 'A member of a program\'s committee.' })
export class HonorCommitteeMemberView {
  employeeId!: string;
  @Field(() => Boolean, { description: 'The chair records the decision.' }) chair!: boolean;
}

@ObjectType('HonorDecisionRule', { simpleResolvers: true, description: 'How the committee decides.' })
export class HonorDecisionRuleView {
  @Field(() => Int, { description: 'Members who must have voted on a candidate.' }) quorum!: number;
  @Field(() => String, { description: 'majorityOfMembers (approvals above half of all members) or majorityOfVotesCast.' }) decision!: string;
  @Field(() => Int, { description: 'Members of the committee.' }) members!: number;
}

@ObjectType('HonorDecisionRecord', { simpleResolvers: true, description: 'When the chair recorded the decision.' })
export class HonorDecisionRecordView {
  @Field(() => Date, { description: 'When.' }) decidedAt!: Date;
}

@ObjectType('HonorReward', { simpleResolvers: true, description: 'The ledger reward each award creates (HR only: the committee decides on merit, never on money).' })
export class HonorRewardView {
  @Field(() => String, { description: 'The ledger rule.' }) ruleCode!: string;
  @Field(() => String, { description: 'The amount in the rule\'s unit.' }) amount!: string;
}

/** The read model of an honor program: a plain row with its facts. */
@ObjectType('HonorProgram', { implements: Node, simpleResolvers: true, description: 'An annual excellent employee or team selection, configured by HR and decided by its committee.' })
export class HonorProgramNode extends RecordNode {
  declare __typename: 'HonorProgram';
  doc!: HonorProgram;
  @Field(() => String, { nullable: true, description: 'Who created the program (HR).' }) createdBy!: string | null;
  @Field(() => String, { description: 'Code, unique.' }) code!: string;
  @Field(() => Int, { description: 'The year whose results are honoured.' }) year!: number;
  @Field(() => HonorKindValue, { description: 'Employees or teams.' }) kind!: HonorKindValue;
  @Field(() => LocalText, { description: 'Name in English and Chinese.' }) name!: LocalText;
  @Field(() => LocalText, { description: 'The honour\'s title on the announcement.' }) title!: LocalText;
  @Field(() => HonorProgramStateValue, { description: 'Workflow state.' }) state!: HonorProgramStateValue;
  @Field(() => String, { nullable: true, description: 'The chair\'s minutes of the decision.' }) minutes!: string | null;
  @Field(() => HonorCriteriaView, { description: 'Eligibility criteria.' }) eligibility!: HonorCriteriaView;
  @Field(() => HonorQuotasView, { description: 'Quotas.' }) quotas!: HonorQuotasView;
  @Field(() => DateWindowView, { description: 'When supervisors nominate.' }) nominationWindow!: DateWindowView;
  @Field(() => DateWindowView, { description: 'When the committee votes.' }) votingWindow!: DateWindowView;
  @Field(() => [HonorCommitteeMemberView], { description: 'The committee.' }) committee!: HonorCommitteeMemberView[];
  @Field(() => HonorDecisionRuleView, { description: 'Quorum and majority rule.' }) decisionRule!: HonorDecisionRuleView;
  @Field(() => HonorDecisionRecordView, { nullable: true, description: 'The chair\'s decision, once recorded.' }) decision!: HonorDecisionRecordView | null;
  @Field(() => HonorRewardView, { nullable: true, description: 'The ledger reward of each award (HR only).' }) reward!: HonorRewardView | null;
  @Field(() => JSONResolver, { description: 'The whole HonorProgram document as HR edits it (HR only).' }) document!: HonorProgram;
}

@ObjectType('HonorCheck', { simpleResolvers: true, description: 'One eligibility test with its outcome and numbers.' })
export class HonorCheckView {
  @Field(() => String, { description: 'Message code, e.g. honor_grade.' }) code!: string;
  @Field(() => Boolean, { description: 'Passed.' }) passed!: boolean;
  @Field(() => JSONResolver, { description: 'The numbers of the test.' }) params!: Record<string, string | number | boolean>;
  @Field(() => String, { description: 'The test in English.' }) message!: string;
  @Field(() => String, { description: 'The test in Chinese.' }) messageZh!: string;
}

@ObjectType('HonorEligibility', { simpleResolvers: true, description: 'Whether the candidate qualifies, with every test.' })
export class HonorEligibilityView {
  @Field(() => Boolean, { description: 'Every test passed.' }) eligible!: boolean;
  @Field(() => [HonorCheckView], { description: 'The tests in the order HR reads them.' }) checks!: HonorCheckView[];
}

@ObjectType('CandidateResult', { simpleResolvers: true, description: 'A finalized result of a candidate: period, scheme, total and grade — never pay, ledger amounts or appeals.' })
export class CandidateResultView {
  @Field(() => String, { description: 'Period key, e.g. 2025 or 2025-06.' }) periodKey!: string;
  @Field(() => String, { description: 'The cycle.' }) cycleName!: string;
  @Field(() => String, { description: 'The scheme.' }) schemeName!: string;
  @Field(() => String, { description: 'Total.' }) total!: string;
  @Field(() => String, { nullable: true, description: 'Final grade code.' }) grade!: string | null;
}

@ObjectType('CandidateHonor', { simpleResolvers: true, description: 'An honour the candidate received before.' })
export class CandidateHonorView {
  @Field(() => Int, { description: 'Year honoured.' }) year!: number;
  @Field(() => LocalText, { description: 'The honour\'s title.' }) title!: LocalText;
}

@ObjectType('HonorTally', { simpleResolvers: true, description: 'The count of a candidate\'s votes under the program\'s rule (after the vote closes).' })
export class TallyView {
  @Field(() => Int, { description: 'Members of the committee.' }) members!: number;
  @Field(() => Int, { description: 'Votes cast.' }) cast!: number;
  @Field(() => Int, { description: 'Approvals.' }) approve!: number;
  @Field(() => Int, { description: 'Rejections.' }) reject!: number;
  @Field(() => Int, { description: 'Abstentions.' }) abstain!: number;
  @Field(() => Int, { description: 'Quorum.' }) quorum!: number;
  @Field(() => Boolean, { description: 'Enough members voted.' }) quorumReached!: boolean;
  @Field(() => Int, { description: 'Approvals needed to carry.' }) needed!: number;
  @Field(() => String, { description: 'approved, rejected or noQuorum.' }) outcome!: string;
}

/** The read model of a nomination. */
@ObjectType('Nomination', { implements: Node, simpleResolvers: true, description: 'A candidate nominated with a written reason: eligibility, the committee\'s ballot and the decision.' })
export class NominationNode extends RecordNode {
  declare __typename: 'Nomination';
  programId!: string;
  candidateId!: string | null;
  teamId!: string | null;
  departmentId!: string;
  year!: number;
  @Field(() => NominationStateValue, { description: 'Workflow state.' }) state!: NominationStateValue;
  @Field(() => String, { description: 'The nominator\'s written reason.' }) reason!: string;
  @Field(() => String, { description: 'Who nominated (name).' }) nominatedBy!: string;
  @Field(() => String, { nullable: true, description: 'The chair\'s note on the decision.' }) decisionNote!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the chair decided.' }) decidedAt!: Date | null;
  @Field(() => HonorEligibilityView, { nullable: true, description: 'The engine\'s eligibility check (at nomination, again at HR\'s review).' }) eligibility!: HonorEligibilityView | null;
  @Field(() => Int, { description: 'How many members have voted (never how).' }) votesCast!: number;
  @Field(() => TallyView, { nullable: true, description: 'The count and outcome (once the vote has closed).' }) tally!: TallyView | null;
  @Field(() => VoteChoiceEnum, { nullable: true, description: 'The caller\'s own vote (members).' }) myVote!: VoteChoiceEnum | null;
}

/** The read model of a vote. */
@ObjectType('Vote', { simpleResolvers: true, description: 'A committee member\'s vote on a candidate: secret to others (HR included) until the vote closes; final once cast.' })
export class VoteNode {
  __typename!: 'Vote';
  nominationId!: string;
  memberId!: string;
  @Field(() => ID, { description: 'Id.' }) id!: string;
  @Field(() => VoteChoiceEnum, { description: 'The choice.' }) choice!: VoteChoiceEnum;
  @Field(() => Date, { description: 'When it was cast.' }) castAt!: Date;
}

/** The read model of an award. */
@ObjectType('Award', { simpleResolvers: true, description: 'An honour given at the announcement; its reward is a ledger entry.' })
export class AwardNode {
  __typename!: 'Award';
  programId!: string;
  recipientId!: string | null;
  teamId!: string | null;
  @Field(() => ID, { description: 'Id.' }) id!: string;
  @Field(() => LocalText, { description: 'The honour\'s title.' }) title!: LocalText;
  @Field(() => String, { description: 'The citation.' }) citation!: string;
  @Field(() => Date, { description: 'When it was announced.' }) announcedAt!: Date;
}

@InputType({ description: 'Filter of honor programs.' })
export class HonorProgramFilter {
  @Field(() => Int, { nullable: true, description: 'Year.' }) year?: number | null;
  @Field(() => HonorKindValue, { nullable: true, description: 'Kind.' }) kind?: HonorKindValue | null;
  @Field(() => HonorProgramStateValue, { nullable: true, description: 'State.' }) state?: HonorProgramStateValue | null;
}

export enum HonorProgramSortField {
  YEAR = 'YEAR',
  CODE = 'CODE',
}
registerEnumType(HonorProgramSortField, { name: 'HonorProgramSortField', description: 'What honor programs can be ordered by.' });

export const HonorProgramSort = sortInputType('HonorProgramSort', HonorProgramSortField, 'honor programs');
export type HonorProgramSort = SortKey<HonorProgramSortField>;

export const HonorProgramsArgs = listArgsType(HonorProgramFilter, HonorProgramSort, 'newest year first');
export type HonorProgramsArgs = ListArgs<HonorProgramFilter, HonorProgramSort>;

@InputType({ description: 'Filter of nominations.' })
export class NominationFilter {
  @Field(() => ID, { nullable: true, description: 'The program.' }) programId?: string | null;
  @Field(() => NominationStateValue, { nullable: true, description: 'State.' }) state?: NominationStateValue | null;
  @Field(() => ID, { nullable: true, description: 'The candidate\'s department.' }) departmentId?: string | null;
}

export enum NominationSortField {
  CREATED_AT = 'CREATED_AT',
  STATE = 'STATE',
  APPROVALS = 'APPROVALS',
}
registerEnumType(NominationSortField, { name: 'NominationSortField', description: 'What nominations can be ordered by (APPROVALS reveals the tally: refused to members until the vote closes).' });

export const NominationSort = sortInputType('NominationSort', NominationSortField, 'nominations');
export type NominationSort = SortKey<NominationSortField>;

export const NominationsArgs = listArgsType(NominationFilter, NominationSort, 'oldest first');
export type NominationsArgs = ListArgs<NominationFilter, NominationSort>;

@InputType({ description: 'A nomination: the candidate (a person, or for team programs the team\'s department) and the written reason.' })
export class NominateInput {
  @Field(() => ID, { description: 'The program.' }) programId!: string;
  @Field(() => ID, { description: 'The person (employee programs) or the department (team programs).' }) candidateId!: string;
  @Limit('document') @Field(() => String, { description: 'Why this candidate deserves the honour.' }) reason!: string;
}

@InputType({ description: 'The chair\'s decision on one shortlisted candidate.' })
export class HonorDecisionInput {
  @Field(() => ID, { description: 'The nomination.' }) nominationId!: string;
  @Field(() => HonorDecisionValue, { description: 'Approve (carried and within quota) or reject.' }) decision!: HonorDecisionValue;
  @Limit('comment') @Field(() => String, { nullable: true, description: 'A note (required to reject).' }) note?: string | null;
}
