import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars.js';
import { LocalText } from '../schemes/scheme-document.types.js';

export enum ArchiveKindValue {
  APPRAISAL = 'appraisal',
  ACKNOWLEDGEMENT = 'acknowledgement',
  APPEAL = 'appeal',
  LEDGER_ENTRY = 'ledgerEntry',
  HONOR = 'honor',
  PROBATION = 'probation',
  POLICY_ACKNOWLEDGEMENT = 'policyAcknowledgement',
}
registerEnumType(ArchiveKindValue, { name: 'ArchiveKind', description: 'Kinds of events in a person\'s archive.' });

export enum ArchiveLanguage {
  EN = 'en',
  ZH = 'zh',
}
registerEnumType(ArchiveLanguage, { name: 'ArchiveLanguage', description: 'Language of explanations and titles in the archive.' });

@ObjectType('ArchiveEvent', { simpleResolvers: true, description: 'One event of a person\'s archive, pointing at its immutable source record.' })
export class ArchiveEventView {
  @Field(() => ArchiveKindValue, { description: 'Kind.' }) kind!: ArchiveKindValue;
  @Field(() => LocalDateScalar, { description: 'Day of the event.' }) date!: string;
  @Field(() => ID, { description: 'The source record.' }) id!: string;
  @Field(() => LocalText, { description: 'What it is, in both languages (cycle name, rule, award title...).' }) title!: LocalText;
  @Field(() => String, { nullable: true, description: 'Period of an appraisal, e.g. "2026-09".' }) periodKey!: string | null;
  @Field(() => ID, { nullable: true, description: 'The scheme version an appraisal was scored with.' }) schemeVersionId!: string | null;
  @Field(() => Int, { nullable: true, description: 'The scheme version\'s number.' }) schemeVersion!: number | null;
  @Field(() => Int, { nullable: true, description: 'Result version (2 and up after an upheld appeal).' }) resultNumber!: number | null;
  @Field(() => String, { nullable: true, description: 'Total score.' }) total!: string | null;
  @Field(() => String, { nullable: true, description: 'Grade.' }) grade!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Pay of a result, or the money of a ledger entry.' }) money!: string | null;
  @Field(() => String, { nullable: true, description: 'Amount of a ledger entry in its unit (points, money, hours), signed.' }) amount!: string | null;
  @Field(() => String, { nullable: true, description: 'Unit of a ledger entry.' }) unit!: string | null;
  @Field(() => String, { nullable: true, description: 'Outcome or state: acknowledged / refused / lapsed, an appeal\'s state and outcome, confirmed / extended / terminated.' }) outcome!: string | null;
  @Field(() => ID, { nullable: true, description: 'A reversal: the entry it reverses. An acknowledgement or appeal: its appraisal.' }) relatedId!: string | null;
  @Field(() => [String], { description: 'The explanation of a result (engine trace with calibration and pay), in the archive\'s language.' }) explanation!: string[];
  @Field(() => JSONResolver, { nullable: true, description: 'The inputs a result was computed from (ratings, adjustments, facts).' }) inputs!: Record<string, unknown> | null;
}

@ObjectType('ArchiveExportRecord', { simpleResolvers: true, description: 'One export of a person\'s archive.' })
export class ArchiveExportView {
  @Field(() => ID, { description: 'Id.' }) id!: string;
  @Field(() => LocalDateScalar, { description: 'Records up to this day are in it.' }) upTo!: string;
  @Field(() => String, { description: 'SHA-256 of the file.' }) fileSha256!: string;
  @Field(() => Int, { description: 'Events in it.' }) events!: number;
  @Field(() => Date, { description: 'When.' }) exportedAt!: Date;
}

/** A person's archive with its facts (whose it is to the caller). */
@ObjectType('Archive', { simpleResolvers: true, description: 'A person\'s complete appraisal history, in time order: results with their scheme version, inputs and explanation, acknowledgements, appeals, ledger entries, honours, probation outcomes.' })
export class EmployeeArchiveView {
  __typename!: 'Archive';
  employeeId!: string;
  @Field(() => [ArchiveEventView], { description: 'Events, oldest first.' }) events!: ArchiveEventView[];
}

@ObjectType('ArchiveRetention', { simpleResolvers: true, description: 'How long archives are kept (HR).' })
export class ArchiveRetentionView {
  @Field(() => Int, { description: 'Years after a record\'s date.' }) years!: number;
  @Field(() => JSONResolver, { description: 'Longer (or shorter) years per kind, e.g. { "ledgerEntry": 30 }.' }) byKind!: Record<string, number>;
  @Field(() => Int, { description: 'Optimistic-lock version.' }) version!: number;
}

@ObjectType('ArchivePurgePlan', { simpleResolvers: true, description: 'What a purge would remove today and what stays, with the reasons (domain purgePlan).' })
export class ArchivePurgePlanView {
  @Field(() => JSONResolver, { description: 'Records that would be purged, per kind.' }) purge!: Record<string, number>;
  @Field(() => JSONResolver, { description: 'Records kept past retention, per reason (notExported, held).' }) keep!: Record<string, number>;
}

@InputType({ description: 'The retention setting.' })
export class ArchiveRetentionInput {
  @Field(() => Int, { description: 'Years (1 to 100).' }) years!: number;
  @Field(() => JSONResolver, { nullable: true, description: 'Years per kind, e.g. { "ledgerEntry": 30 }.' }) byKind?: Record<string, number> | null;
}
