import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';
import { LocalDateScalar } from '../../core/scalars.js';
import { LocalText } from '../schemes/scheme-document.types.js';

export enum PolicyVersionStateValue {
  DRAFT = 'draft',
  REVIEW = 'review',
  PUBLISHED = 'published',
  SUPERSEDED = 'superseded',
}
registerEnumType(PolicyVersionStateValue, { name: 'PolicyVersionState', description: 'draft -> review -> published -> superseded (review may return to draft).' });

export enum PolicyScopeKindValue {
  ALL = 'all',
  DEPARTMENTS = 'departments',
  POSITIONS = 'positions',
}
registerEnumType(PolicyScopeKindValue, { name: 'PolicyScopeKind', description: 'Whom a version governs: everyone, departments (with their sub-departments) or positions.' });

export enum PolicyVersionActionValue {
  SUBMIT_FOR_REVIEW = 'submit_for_review',
  RETURN_TO_DRAFT = 'return_to_draft',
  PUBLISH = 'publish',
}
registerEnumType(PolicyVersionActionValue, { name: 'PolicyVersionAction', description: 'What HR does with a version; publishing supersedes the version published before.' });

@ObjectType('PolicyScope', { simpleResolvers: true, description: 'Whom a policy version governs.' })
export class PolicyScopeView {
  @Field(() => PolicyScopeKindValue, { description: 'All, departments or positions.' }) kind!: PolicyScopeKindValue;
  @Field(() => [ID], { description: 'The departments (their sub-departments included) or positions; empty for all.' }) ids!: string[];
}

@ObjectType('AcknowledgementStatus', { simpleResolvers: true, description: 'Who has acknowledged a version among the active people in its scope.' })
export class AcknowledgementStatusView {
  @Field(() => Int, { description: 'Active people the version governs.' }) inScope!: number;
  @Field(() => Int, { description: 'Of them, how many acknowledged.' }) acknowledged!: number;
  @Field(() => Int, { description: 'Of them, how many have not yet.' }) pending!: number;
  @Field(() => String, { description: 'Acknowledged share in percent, one decimal.' }) percent!: string;
}

@ObjectType('PolicyAcknowledgementEntry', { simpleResolvers: true, description: 'One person in a version\'s scope and when they acknowledged it (null: not yet).' })
export class PolicyAcknowledgementEntryView {
  employeeId!: string;
  @Field(() => Date, { nullable: true, description: 'When they acknowledged; null while pending.' }) acknowledgedAt!: Date | null;
}

/** The read model of a policy version: a plain row with its facts. */
@ObjectType('PolicyVersion', { implements: Node, simpleResolvers: true, description: 'One version of a policy. People read the published versions that govern them; drafts, reviews and acknowledgement tracking are HR\'s.' })
export class PolicyVersionNode extends RecordNode {
  declare __typename: 'PolicyVersion';
  policyId!: string;
  authorUserId!: string;
  reviewerUserId!: string | null;
  @Field(() => Int, { description: 'Version number within the policy, from 1.' }) number!: number;
  @Field(() => LocalText, { description: 'Title in English and Chinese.' }) title!: LocalText;
  @Field(() => LocalText, { description: 'Body in English and Chinese, Markdown (rendered without raw HTML).' }) body!: LocalText;
  @Field(() => LocalDateScalar, { description: 'First day the version governs.' }) effectiveFrom!: string;
  @Field(() => PolicyScopeView, { description: 'Whom it governs.' }) scope!: PolicyScopeView;
  @Field(() => PolicyVersionStateValue, { description: 'Workflow state.' }) state!: PolicyVersionStateValue;
  @Field(() => Date, { nullable: true, description: 'When it was published.' }) publishedAt!: Date | null;
  @Field(() => Boolean, { description: 'Every person in scope acknowledges this version.' }) requiresAcknowledgement!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the caller acknowledged this version; null when not (yet).' }) myAcknowledgement!: Date | null;
}

/** The read model of a policy: a plain row with the facts of its current version. */
@ObjectType('Policy', { implements: Node, simpleResolvers: true, description: 'A policy (regulation) published in versions; people see the ones that govern them.' })
export class PolicyNode extends RecordNode {
  declare __typename: 'Policy';
  currentVersionId!: string | null;
  @Field(() => String, { description: 'Stable code, e.g. "POL-CAFETERIA".' }) code!: string;
}

@InputType({ description: 'Whom a version governs.' })
export class PolicyScopeInput {
  @Field(() => PolicyScopeKindValue, { description: 'All, departments or positions.' }) kind!: PolicyScopeKindValue;
  @Field(() => [ID], { nullable: true, description: 'Department or position ids (not for all).' }) ids?: string[] | null;
}

@InputType({ description: 'A title in English and Chinese.' })
export class PolicyTitleInput {
  @Field(() => String, { description: 'English.' }) @Limit('name') en!: string;
  @Field(() => String, { description: 'Chinese.' }) @Limit('name') zh!: string;
}

@InputType({ description: 'A Markdown body in English and Chinese (no raw HTML, no script links).' })
export class MarkdownTextInput {
  @Field(() => String, { description: 'English Markdown.' }) @Limit('markdown') en!: string;
  @Field(() => String, { description: 'Chinese Markdown.' }) @Limit('markdown') zh!: string;
}

@InputType({ description: 'A policy version as HR writes it (drafts only).' })
export class PolicyVersionInput {
  @Field(() => PolicyTitleInput, { description: 'Title.' }) title!: PolicyTitleInput;
  @Field(() => MarkdownTextInput, { description: 'Body.' }) body!: MarkdownTextInput;
  @Field(() => LocalDateScalar, { description: 'First day it governs.' }) effectiveFrom!: string;
  @Field(() => PolicyScopeInput, { description: 'Whom it governs.' }) scope!: PolicyScopeInput;
  @Field(() => Boolean, { nullable: true, description: 'Every person in scope acknowledges it (default false).' }) requiresAcknowledgement?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Working days after publication to acknowledge (1 to 60).' }) acknowledgementWorkingDays?: number | null;
}

@InputType({ description: 'A new policy with its first draft.' })
export class CreatePolicyInput {
  @Field(() => String, { description: 'Stable code, e.g. "POL-CAFETERIA".' }) @Limit('code') code!: string;
  @Field(() => PolicyVersionInput, { description: 'The first version (a draft).' }) draft!: PolicyVersionInput;
}

@InputType({ description: 'Which policies to list; all conditions must hold.' })
export class PolicyFilter {
  @Field(() => String, { nullable: true, description: 'Code or current title contains this text.' }) @Limit('searchTerm') q?: string | null;
  @Field(() => PolicyScopeKindValue, { nullable: true, description: 'Only policies whose current version has this scope kind.' }) scopeKind?: PolicyScopeKindValue | null;
  @Field(() => Boolean, { nullable: true, description: 'True: only policies with a published version.' }) published?: boolean | null;
}

export enum PolicySortField {
  CODE = 'CODE',
  TITLE = 'TITLE',
  EFFECTIVE_FROM = 'EFFECTIVE_FROM',
}
registerEnumType(PolicySortField, { name: 'PolicySortField', description: 'What policies can be ordered by.' });

export const PolicySort = sortInputType('PolicySort', PolicySortField, 'policies');
export type PolicySort = SortKey<PolicySortField>;

export const PoliciesArgs = listArgsType(PolicyFilter, PolicySort, 'code');
export type PoliciesArgs = ListArgs<PolicyFilter, PolicySort>;
