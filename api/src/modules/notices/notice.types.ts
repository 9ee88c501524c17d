import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';
import { Role } from '../../core/roles.js';
import { LocalText } from '../schemes/scheme-document.types.js';
import { MarkdownTextInput, PolicyTitleInput } from '../policies/policy.types.js';

export enum NoticeStatusValue {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  LIVE = 'LIVE',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NoticeStatusValue, { name: 'NoticeStatus', description: 'Where a notice stands now: draft, scheduled (published for a later time), live, expired or withdrawn.' });

export enum AudienceKindValue {
  ALL = 'all',
  SOME = 'some',
}
registerEnumType(AudienceKindValue, { name: 'AudienceKind', description: 'Everyone, or the union of named departments (with sub-departments), positions, roles and people.' });

@ObjectType('Audience', { simpleResolvers: true, description: 'Who a notice reaches; resolved to people when it is delivered.' })
export class AudienceView {
  @Field(() => AudienceKindValue, { description: 'All or some.' }) kind!: AudienceKindValue;
  @Field(() => [ID], { description: 'Departments (their sub-departments included).' }) departmentIds!: string[];
  @Field(() => [ID], { description: 'Positions.' }) positionIds!: string[];
  @Field(() => [Role], { description: 'Account roles.' }) roles!: Role[];
  @Field(() => [ID], { description: 'People by employee id.' }) employeeIds!: string[];
}

@ObjectType('NoticeReceipt', { simpleResolvers: true, description: 'The caller\'s receipt of a notice.' })
export class NoticeReceiptView {
  @Field(() => Date, { description: 'When it reached the caller\'s inbox.' }) deliveredAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the caller read it.' }) readAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the caller acknowledged it.' }) acknowledgedAt!: Date | null;
}

@ObjectType('NoticeReachRow', { simpleResolvers: true, description: 'Reach of a notice overall (no department) or in one department (the recipients\' departments at delivery).' })
export class NoticeReachRowView {
  @Field(() => ID, { nullable: true, description: 'Department; null for the overall row.' }) departmentId!: string | null;
  @Field(() => String, { nullable: true, description: 'Department name in English; null for the overall row.' }) departmentName!: string | null;
  @Field(() => String, { nullable: true, description: 'Department name in Chinese (the English one when none); null for the overall row.' }) departmentNameZh!: string | null;
  @Field(() => Int, { description: 'People it was addressed to.' }) recipients!: number;
  @Field(() => Int, { description: 'Delivered to their inbox.' }) delivered!: number;
  @Field(() => Int, { description: 'Read.' }) read!: number;
  @Field(() => Int, { description: 'Acknowledged.' }) acknowledged!: number;
  @Field(() => String, { description: 'Read share in percent, one decimal.' }) readPercent!: string;
  @Field(() => String, { description: 'Acknowledged share in percent, one decimal.' }) acknowledgedPercent!: string;
}

/** The read model of a notice: a plain row with its facts. */
@ObjectType('Notice', { implements: Node, simpleResolvers: true, description: 'An announcement to an audience. Recipients read visible notices addressed to them; composing, scheduling and reach are HR\'s.' })
export class NoticeNode extends RecordNode {
  declare __typename: 'Notice';
  createdByUserId!: string | null;
  @Field(() => LocalText, { description: 'Title in English and Chinese.' }) title!: LocalText;
  @Field(() => LocalText, { description: 'Body in English and Chinese, Markdown (rendered without raw HTML).' }) body!: LocalText;
  @Field(() => Boolean, { description: 'Shown before the others.' }) pinned!: boolean;
  @Field(() => Date, { nullable: true, description: 'When it became (or becomes) visible; null for drafts.' }) visibleFrom!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it stops being shown.' }) expiresAt!: Date | null;
  @Field(() => Boolean, { description: 'Each recipient acknowledges it.' }) requiresAcknowledgement!: boolean;
  @Field(() => NoticeReceiptView, { nullable: true, description: 'The caller\'s receipt; null when not addressed to them.' }) myReceipt!: NoticeReceiptView | null;
  @Field(() => String, { nullable: true, description: 'The event that generated it (cyclePhaseOpened, resultsPublished, honorsAnnounced, policyPublished); null when written by HR.' }) template!: string | null;
  @Field(() => AudienceView, { description: 'Who it reaches (HR).' }) audience!: AudienceView;
  @Field(() => NoticeStatusValue, { description: 'Draft, scheduled, live, expired or withdrawn (HR).' }) status!: NoticeStatusValue;
  @Field(() => Date, { nullable: true, description: 'Scheduled publication time; null: on publishing (HR).' }) publishAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When HR published it (HR).' }) publishedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When HR withdrew it (HR).' }) withdrawnAt!: Date | null;
}

@InputType({ description: 'Who a notice reaches: everyone, or the union of the named groups (at least one).' })
export class AudienceInput {
  @Field(() => AudienceKindValue, { description: 'All or some.' }) kind!: AudienceKindValue;
  @Field(() => [ID], { nullable: true, description: 'Departments (their sub-departments included).' }) departmentIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Positions.' }) positionIds?: string[] | null;
  @Field(() => [Role], { nullable: true, description: 'Account roles.' }) roles?: Role[] | null;
  @Field(() => [ID], { nullable: true, description: 'People by employee id.' }) employeeIds?: string[] | null;
}

@InputType({ description: 'A notice as HR writes it (drafts only).' })
export class NoticeInput {
  @Field(() => PolicyTitleInput, { description: 'Title in both languages.' }) title!: PolicyTitleInput;
  @Field(() => MarkdownTextInput, { description: 'Markdown body in both languages.' }) body!: MarkdownTextInput;
  @Field(() => AudienceInput, { description: 'Who it reaches.' }) audience!: AudienceInput;
  @Field(() => Date, { nullable: true, description: 'When it becomes visible (UTC); absent: on publishing.' }) publishAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it stops being shown (UTC).' }) expiresAt?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Shown first (default false).' }) pinned?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Each recipient acknowledges it (default false).' }) requiresAcknowledgement?: boolean | null;
}

@InputType({ description: 'Which notices to list; all conditions must hold.' })
export class NoticeFilter {
  @Field(() => String, { nullable: true, description: 'Title contains this text.' }) @Limit('searchTerm') q?: string | null;
  @Field(() => NoticeStatusValue, { nullable: true, description: 'Only notices in this status (HR).' }) status?: NoticeStatusValue | null;
  @Field(() => Boolean, { nullable: true, description: 'True: only pinned notices.' }) pinned?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'True: only notices not expired.' }) current?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Only notices generated by this event kind.' }) @Limit('code') template?: string | null;
}

export enum NoticeSortField {
  VISIBLE_FROM = 'VISIBLE_FROM',
  TITLE = 'TITLE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(NoticeSortField, { name: 'NoticeSortField', description: 'VISIBLE_FROM: pinned first, then newest first (ascending); TITLE; CREATED_AT (HR).' });

export const NoticeSort = sortInputType('NoticeSort', NoticeSortField, 'notices');
export type NoticeSort = SortKey<NoticeSortField>;

export const NoticesArgs = listArgsType(NoticeFilter, NoticeSort, 'pinned first, newest first');
export type NoticesArgs = ListArgs<NoticeFilter, NoticeSort>;
