import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Node } from '../../core/record.js';
import { LocalDateScalar } from '../../core/scalars.js';
import { LocalText } from '../schemes/scheme-document.types.js';

export enum InboxItemKindValue {
  NOTICE = 'notice',
  TASK = 'task',
}
registerEnumType(InboxItemKindValue, { name: 'InboxItemKind', description: 'A notice to read or a task to do.' });

@ObjectType('InboxLink', { simpleResolvers: true, description: 'What an inbox item opens: a record type and its id.' })
export class InboxLinkView {
  @Field(() => String, { description: 'Record type: Appraisal, Rating, Notice, PolicyVersion, Appeal, StatementRequest, Nomination, LedgerEntry, PayoutBatch, HonorProgram.' }) type!: string;
  @Field(() => ID, { description: 'Id of the record.' }) id!: string;
}

/** The read model of an inbox item: a plain row with its facts (always the caller's own). */
@ObjectType('InboxItem', { implements: Node, simpleResolvers: true, description: 'One item of the caller\'s in-app inbox: a notice or a task. Inboxes are private, HR\'s included.' })
export class InboxItemNode {
  __typename!: 'InboxItem';
  @Field(() => ID, { description: 'Globally unique id (UUID).' }) id!: string;
  @Field(() => InboxItemKindValue, { description: 'Notice or task.' }) kind!: InboxItemKindValue;
  @Field(() => String, { nullable: true, description: 'For tasks: rating, selfReview, acknowledgement, policyAcknowledgement, noticeAcknowledgement, appealToHandle, appealStatement, vote, ledgerApproval, batchApproval.' }) taskKind!: string | null;
  @Field(() => LocalText, { description: 'Title in English and Chinese.' }) title!: LocalText;
  @Field(() => InboxLinkView, { description: 'What the item opens.' }) link!: InboxLinkView;
  @Field(() => LocalDateScalar, { nullable: true, description: 'For tasks: when the work is due.' }) due!: string | null;
  @Field(() => Date, { description: 'When the item was delivered.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the caller marked it read; null while unread.' }) readAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'For tasks: when the work was done (the task then leaves the open list).' }) doneAt!: Date | null;
}

@ObjectType('InboxCounts', { simpleResolvers: true, description: 'The caller\'s inbox at a glance, for the app bar badge.' })
export class InboxCountsView {
  @Field(() => Int, { description: 'Unread items.' }) unread!: number;
  @Field(() => Int, { description: 'Unread notices.' }) unreadNotices!: number;
  @Field(() => Int, { description: 'Tasks not done yet.' }) openTasks!: number;
  @Field(() => Int, { description: 'Open tasks past their due date.' }) overdueTasks!: number;
}

@InputType({ description: 'Which inbox items to list; all conditions must hold.' })
export class InboxFilter {
  @Field(() => InboxItemKindValue, { nullable: true, description: 'Only notices or only tasks.' }) kind?: InboxItemKindValue | null;
  @Field(() => String, { nullable: true, description: 'Only tasks of this kind.' }) taskKind?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'True: only unread items.' }) unread?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'True: only notices and open tasks (done tasks left out).' }) openOnly?: boolean | null;
}

export enum InboxSortField {
  INBOX = 'INBOX',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(InboxSortField, { name: 'InboxSortField', description: 'INBOX: open tasks first (overdue, then by due date), then newest first; CREATED_AT: by delivery time.' });

export const InboxSort = sortInputType('InboxSort', InboxSortField, 'inbox items');
export type InboxSort = SortKey<InboxSortField>;

export const InboxArgs = listArgsType(InboxFilter, InboxSort, 'INBOX');
export type InboxArgs = ListArgs<InboxFilter, InboxSort>;
