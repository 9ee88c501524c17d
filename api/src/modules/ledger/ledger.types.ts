import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';
import { PayoutBatchStatusValue } from './payout.types.js';

export enum LedgerEntryStatusValue {
  PROPOSED = 'proposed',
  APPROVED = 'approved',
  PAID = 'paid',
  REJECTED = 'rejected',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(LedgerEntryStatusValue, { name: 'LedgerEntryStatus', description: 'proposed -> approved -> paid; proposed -> rejected | withdrawn. Approved entries are final (corrected by reversals).' });

export enum LedgerSourceKindValue {
  MANUAL = 'manual',
  TEAM = 'team',
  APPRAISAL = 'appraisal',
  AWARD = 'award',
  REVERSAL = 'reversal',
}
registerEnumType(LedgerSourceKindValue, { name: 'LedgerSourceKind', description: 'Where an entry comes from: manual, a team incident share, a published appraisal, an award, or the reversal of another entry.' });

@ObjectType('LedgerAmount', { simpleResolvers: true, description: 'How a rule states its amount: fixed, a range (min..max, optionally more than min), a multiple (factor x basis) or computed.' })
export class LedgerAmountView {
  @Field(() => String, { description: 'fixed, range, multiple or computed.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'The fixed amount.' }) value!: string | null;
  @Field(() => String, { nullable: true, description: 'Smallest amount of one occurrence (range, multiple).' }) min!: string | null;
  @Field(() => String, { nullable: true, description: 'Largest amount of one occurrence (range, multiple).' }) max!: string | null;
  @Field(() => Boolean, { description: 'The amount must be more than min (not equal).' }) minExclusive!: boolean;
  @Field(() => String, { nullable: true, description: 'Multiple: what the basis is (e.g. repair hours), in English.' }) basis!: string | null;
  @Field(() => String, { nullable: true, description: 'Multiple: smallest factor.' }) minFactor!: string | null;
  @Field(() => String, { nullable: true, description: 'Multiple: largest factor.' }) maxFactor!: string | null;
  @Field(() => String, { nullable: true, description: 'Multiple: smallest basis.' }) minBasis!: string | null;
  @Field(() => String, { nullable: true, description: 'Multiple: largest basis.' }) maxBasis!: string | null;
  @Field(() => String, { description: 'The range as people read it, e.g. "20 to 50" or "more than 7 up to 42".' }) text!: string;
}

@ObjectType('LedgerCap', { simpleResolvers: true, description: 'A per-person cap of a rule over a period.' })
export class LedgerCapView {
  @Field(() => String, { description: 'day, month, quarter or year (months follow the rule\'s accounting month).' }) period!: string;
  @Field(() => String, { nullable: true, description: 'Largest total amount per person in one period.' }) maxAmount!: string | null;
  @Field(() => Int, { nullable: true, description: 'Largest number of occurrences per person in one period.' }) maxCount!: number | null;
}

@ObjectType('LedgerRegulation', { simpleResolvers: true, description: 'The regulation a rule comes from.' })
export class LedgerRegulationView {
  @Field(() => String, { description: 'Code of the policy (regulation).' }) policyCode!: string;
  @Field(() => String, { description: 'The clause, in English.' }) clause!: string;
  @Field(() => String, { description: 'The clause, in Chinese.' }) clauseZh!: string;
}

@ObjectType('LedgerRule', { implements: Node, simpleResolvers: true, description: 'A rule of the reward-and-punishment catalog, kept by HR and read by everyone signed in.' })
export class LedgerRuleNode extends RecordNode {
  declare __typename: 'LedgerRule';
  @Field(() => String, { description: 'Stable code, e.g. "hotel.overtimeDiligence".' }) code!: string;
  @Field(() => String, { description: 'Name in English.' }) name!: string;
  @Field(() => String, { description: 'Name in Chinese.' }) nameZh!: string;
  @Field(() => String, { description: 'reward or punishment.' }) kind!: string;
  @Field(() => String, { description: 'points, money or hours.' }) unit!: string;
  @Field(() => LedgerAmountView, { description: 'The amount one occurrence may have.' }) amount!: LedgerAmountView;
  @Field(() => Boolean, { description: 'An entry may state how many times it happened; the range applies to each.' }) perOccurrence!: boolean;
  @Field(() => String, { nullable: true, description: 'Money per working hour (hours rules paid through payroll).' }) hourRate!: string | null;
  @Field(() => [LedgerCapView], { description: 'Per-person caps.' }) caps!: LedgerCapView[];
  @Field(() => String, { description: 'payroll (paid in a payout batch), appraisal (an input of the period\'s appraisal) or record.' }) settlement!: string;
  @Field(() => String, { nullable: true, description: 'Accounting-month convention of the work calendar (absent: calendar months).' }) accountingMonth!: string | null;
  @Field(() => LedgerRegulationView, { nullable: true, description: 'The regulation the rule comes from.' }) regulation!: LedgerRegulationView | null;
  @Field(() => String, { description: 'Payroll component of its entries.' }) component!: string;
  @Field(() => String, { nullable: true, description: 'The program it belongs to (hotel, workshop, ...).' }) program!: string | null;
  @Field(() => Boolean, { description: 'False once retired: no new entries.' }) active!: boolean;
  @Field(() => Int, { description: 'Revision of the rule document (every save adds one).' }) revision!: number;
  @Field(() => JSONResolver, { description: 'The whole LedgerRule document (for editing).' }) document!: Record<string, unknown>;
}

@ObjectType('LedgerSource', { simpleResolvers: true, description: 'Where an entry comes from and what it links to.' })
export class LedgerSourceView {
  @Field(() => LedgerSourceKindValue, { description: 'The kind of source.' }) kind!: LedgerSourceKindValue;
  @Field(() => ID, { nullable: true, description: 'The appraisal whose published result generated it.' }) appraisalId!: string | null;
  @Field(() => Int, { nullable: true, description: 'The result number of that appraisal.' }) resultNumber!: number | null;
  @Field(() => ID, { nullable: true, description: 'The cycle of that appraisal.' }) cycleId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The award it pays.' }) awardId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The team incident it is a share of.' }) incidentId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The entry it reverses.' }) reversesId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The entry it replaces (a correction).' }) correctsId!: string | null;
}

@ObjectType('LedgerAppraisalLink', { simpleResolvers: true, description: 'The appraisal whose published result an entry pays (open it for the result\'s explanation).' })
export class LedgerAppraisalLinkView {
  @Field(() => ID, { description: 'The appraisal.' }) id!: string;
  @Field(() => ID, { description: 'Its cycle.' }) cycleId!: string;
  @Field(() => String, { description: 'The cycle\'s name.' }) cycleName!: string;
  @Field(() => String, { nullable: true, description: 'The cycle\'s name in Chinese.' }) cycleNameZh!: string | null;
  @Field(() => String, { description: 'The cycle\'s period (e.g. 2026-10).' }) periodKey!: string;
  @Field(() => Int, { nullable: true, description: 'The result number the entry pays (corrections publish a new one).' }) resultNumber!: number | null;
}

@ObjectType('LedgerBatchLink', { simpleResolvers: true, description: 'The payout batch that holds an entry (it is paid when the batch is approved).' })
export class LedgerBatchLinkView {
  @Field(() => ID, { description: 'The batch.' }) id!: string;
  @Field(() => String, { description: 'Number, e.g. PB-2026-05-001.' }) number!: string;
  @Field(() => String, { description: 'Accounting month (YYYY-MM).' }) periodKey!: string;
  @Field(() => PayoutBatchStatusValue, { description: 'Its state: the entry is paid once the batch is approved.' }) status!: PayoutBatchStatusValue;
}

@ObjectType('LedgerEntry', { implements: Node, simpleResolvers: true, description: 'One line of the reward-and-punishment ledger: who, which rule, how much, why, who approved it and where it was paid.' })
export class LedgerEntryNode extends RecordNode {
  declare __typename: 'LedgerEntry';
  employeeId!: string;
  departmentId!: string;
  ruleCode!: string | null;
  @Field(() => String, { description: 'Payroll component.' }) component!: string;
  @Field(() => String, { description: 'points, money or hours.' }) unit!: string;
  @Field(() => LedgerEntryStatusValue, { description: 'Workflow state.' }) status!: LedgerEntryStatusValue;
  @Field(() => String, { description: 'The day it happened (YYYY-MM-DD).' }) occurredOn!: string;
  @Field(() => String, { description: 'Accounting month (YYYY-MM) under the rule\'s convention.' }) periodKey!: string;
  @Field(() => LedgerSourceView, { description: 'Where it comes from.' }) source!: LedgerSourceView;
  @Field(() => ID, { nullable: true, description: 'The approved or proposed reversal of this entry, if any.' }) reversedBy!: string | null;
  @Field(() => String, { description: 'Magnitude of one occurrence.' }) quantity!: string;
  @Field(() => Int, { description: 'How many occurrences.' }) count!: number;
  @Field(() => String, { description: 'Signed total in the unit (rewards positive).' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'Signed money (yuan), null for points and unpaid hours.' }) money!: string | null;
  @Field(() => String, { nullable: true, description: 'Why: the regulation clause of the rule, or the reason of a reversal.' }) explanation!: string | null;
  @Field(() => String, { nullable: true, description: 'What happened (evidence).' }) evidence!: string | null;
  @Field(() => JSONResolver, { description: 'Attachment metadata: [{ name, contentType, size, sha256 }].' }) attachments!: unknown[];
  @Field(() => String, { nullable: true, description: 'Who proposed it.' }) proposedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Who approved it.' }) approvedBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was approved.' }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why HR rejected it.' }) rejectionReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was paid (its batch was approved).' }) paidAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The explanation in Chinese.' }) explanationZh!: string | null;
  batchId!: string | null;
  @Field(() => LedgerAppraisalLinkView, { nullable: true, description: 'The appraisal whose published result generated it (null for manual entries).' }) appraisal!: LedgerAppraisalLinkView | null;
  @Field(() => LedgerBatchLinkView, { nullable: true, description: 'The payout batch that holds it (it was paid in it once the batch is approved); null when in none.' }) batch!: LedgerBatchLinkView | null;
}

@ObjectType('LedgerUnitTotals', { simpleResolvers: true, description: 'A statement\'s totals of one unit.' })
export class LedgerUnitTotalsView {
  @Field(() => String, { description: 'points, hours or money.' }) unit!: string;
  @Field(() => String, { description: 'Sum of counted entries before the period.' }) opening!: string;
  @Field(() => String, { description: 'Sum of counted entries in the period.' }) movement!: string;
  @Field(() => String, { description: 'opening + movement.' }) closing!: string;
}

@ObjectType('LedgerMoneyTotals', { simpleResolvers: true, description: 'A statement\'s money (yuan).' })
export class LedgerMoneyTotalsView {
  @Field(() => String, { description: 'Money before the period.' }) opening!: string;
  @Field(() => String, { description: 'Money in the period.' }) movement!: string;
  @Field(() => String, { description: 'opening + movement.' }) closing!: string;
}

@ObjectType('LedgerStatement', { simpleResolvers: true, description: 'A person\'s ledger over accounting months: opening, the period\'s counted entries, closing, and what is pending.' })
export class LedgerStatementView {
  @Field(() => ID, { description: 'The person.' }) employeeId!: string;
  @Field(() => String, { description: 'First accounting month (YYYY-MM).' }) from!: string;
  @Field(() => String, { description: 'Last accounting month (YYYY-MM).' }) to!: string;
  @Field(() => [LedgerUnitTotalsView], { description: 'Totals per unit.' }) totals!: LedgerUnitTotalsView[];
  @Field(() => LedgerMoneyTotalsView, { description: 'Money totals.' }) money!: LedgerMoneyTotalsView;
  @Field(() => [LedgerEntryNode], { description: 'Approved and paid entries of the period, by date.' }) entries!: LedgerEntryNode[];
  @Field(() => [LedgerEntryNode], { description: 'Proposed entries of the period, not counted yet.' }) pending!: LedgerEntryNode[];
}

@ObjectType('LedgerTotal', { simpleResolvers: true, description: 'Department totals of one unit and component over accounting months.' })
export class LedgerTotalView {
  @Field(() => ID, { description: 'The department (at recording).' }) departmentId!: string;
  @Field(() => String, { description: 'Department code.' }) departmentCode!: string;
  @Field(() => String, { description: 'Department name.' }) departmentName!: string;
  @Field(() => String, { description: 'points, hours or money.' }) unit!: string;
  @Field(() => String, { description: 'Payroll component.' }) component!: string;
  @Field(() => String, { description: 'Sum of positive entries.' }) rewards!: string;
  @Field(() => String, { description: 'Sum of negative entries.' }) punishments!: string;
  @Field(() => String, { description: 'rewards + punishments.' }) net!: string;
  @Field(() => String, { description: 'Money of the entries.' }) money!: string;
  @Field(() => Int, { description: 'Number of entries.' }) entries!: number;
  @Field(() => Int, { description: 'Number of people.' }) people!: number;
}

@InputType({ description: 'Which catalog rules to list.' })
export class LedgerRuleFilter {
  @Limit('code') @Field(() => String, { nullable: true, description: 'Only this program.' }) program?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'reward or punishment.' }) kind?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'points, money or hours.' }) unit?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'payroll, appraisal or record.' }) settlement?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or retired (false) rules.' }) active?: boolean | null;
  @Limit('searchTerm') @Field(() => String, { nullable: true, description: 'Matches code or name (contains).' }) q?: string | null;
}

export enum LedgerRuleSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  PROGRAM = 'PROGRAM',
}
registerEnumType(LedgerRuleSortField, { name: 'LedgerRuleSortField', description: 'What catalog rules can be ordered by.' });

export const LedgerRuleSort = sortInputType('LedgerRuleSort', LedgerRuleSortField, 'catalog rules');
export type LedgerRuleSort = SortKey<LedgerRuleSortField>;

export const LedgerRulesArgs = listArgsType(LedgerRuleFilter, LedgerRuleSort, 'code');
export type LedgerRulesArgs = ListArgs<LedgerRuleFilter, LedgerRuleSort>;

@InputType({ description: 'Which ledger entries to list; all conditions must hold.' })
export class LedgerEntryFilter {
  @Field(() => ID, { nullable: true, description: 'Only this person.' }) employeeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only entries recorded in this department or below it.' }) departmentId?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Only this rule.' }) ruleCode?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Only this component.' }) component?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'points, money or hours.' }) unit?: string | null;
  @Field(() => LedgerEntryStatusValue, { nullable: true, description: 'Only this state.' }) status?: LedgerEntryStatusValue | null;
  @Field(() => LedgerSourceKindValue, { nullable: true, description: 'Only this source.' }) sourceKind?: LedgerSourceKindValue | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Accounting month from (YYYY-MM).' }) periodFrom?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Accounting month to (YYYY-MM).' }) periodTo?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only entries of this payout batch.' }) batchId?: string | null;
}

export enum LedgerEntrySortField {
  OCCURRED_ON = 'OCCURRED_ON',
  PERIOD = 'PERIOD',
  STATUS = 'STATUS',
  AMOUNT = 'AMOUNT',
  PROPOSED_AT = 'PROPOSED_AT',
}
registerEnumType(LedgerEntrySortField, { name: 'LedgerEntrySortField', description: 'What ledger entries can be ordered by.' });

export const LedgerEntrySort = sortInputType('LedgerEntrySort', LedgerEntrySortField, 'ledger entries');
export type LedgerEntrySort = SortKey<LedgerEntrySortField>;

export const LedgerEntriesArgs = listArgsType(LedgerEntryFilter, LedgerEntrySort, 'newest occurrence first');
export type LedgerEntriesArgs = ListArgs<LedgerEntryFilter, LedgerEntrySort>;

@InputType({ description: 'Evidence file metadata (the file is stored by its SHA-256).' })
export class AttachmentInput {
  @Limit('shortText') @Field(() => String, { description: 'File name.' }) name!: string;
  @Limit('code') @Field(() => String, { description: 'MIME type.' }) contentType!: string;
  @Field(() => Int, { description: 'Size in bytes.' }) size!: number;
  @Limit('code') @Field(() => String, { description: 'Hex SHA-256 of the content.' }) sha256!: string;
}

@InputType({ description: 'A proposed entry for one person under a catalog rule.' })
export class ProposeLedgerEntryInput {
  @Limit('code') @Field(() => String, { description: 'The rule.' }) ruleCode!: string;
  @Field(() => ID, { description: 'The person.' }) employeeId!: string;
  @Limit('code') @Field(() => String, { description: 'The day it happened (YYYY-MM-DD).' }) occurredOn!: string;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Amount of one occurrence (range rules).' }) quantity?: string | null;
  @Field(() => Int, { nullable: true, description: 'Occurrences (rules counted per occurrence); default 1.' }) count?: number | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Multiple rules: the basis (e.g. repair hours).' }) basis?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Multiple rules: the factor.' }) factor?: string | null;
  @Limit('comment') @Field(() => String, { description: 'What happened.' }) evidence!: string;
  @Field(() => [AttachmentInput], { nullable: true, description: 'Evidence files.' }) attachments?: AttachmentInput[] | null;
}

@InputType({ description: 'A member of a team incident and their weight.' })
export class TeamMemberInput {
  @Field(() => ID, { description: 'The member.' }) employeeId!: string;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Relative weight; absent = 1.' }) weight?: string | null;
}

@InputType({ description: 'One incident of a team (joint liability), split across its members so the shares sum exactly.' })
export class ProposeTeamIncidentInput {
  @Limit('code') @Field(() => String, { description: 'The rule.' }) ruleCode!: string;
  @Field(() => [TeamMemberInput], { description: 'Members (at least two).' }) members!: TeamMemberInput[];
  @Limit('code') @Field(() => String, { description: 'The day it happened (YYYY-MM-DD).' }) occurredOn!: string;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Amount of the whole incident (range rules).' }) quantity?: string | null;
  @Field(() => Int, { nullable: true, description: 'Occurrences; default 1.' }) count?: number | null;
  @Limit('comment') @Field(() => String, { description: 'What happened.' }) evidence!: string;
  @Field(() => [AttachmentInput], { nullable: true, description: 'Evidence files.' }) attachments?: AttachmentInput[] | null;
}
