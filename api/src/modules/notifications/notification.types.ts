import { JSONResolver } from 'graphql-scalars';
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../../core/connection.js';
import { Node, RecordNode } from '../../core/record.js';
import { LocalDateScalar } from '../../core/scalars.js';

@ObjectType('ReminderItem', { simpleResolvers: true, description: 'One task a reminder lists.' })
export class ReminderItemView {
  @Field(() => String, { description: 'Stable key of the task: rating:<id>, selfReview:<appraisalId>, acknowledgement:<appraisalId>.' }) key!: string;
  @Field(() => String, { description: 'rating, selfReview or acknowledgement.' }) kind!: string;
  @Field(() => String, { description: 'Why today: opened, dueSoon, dueToday or overdue.' }) reason!: string;
  @Field(() => LocalDateScalar, { description: 'The last day of the task\'s window.' }) due!: string;
  @Field(() => Int, { description: 'Working days left until the due day (0 on it).' }) workingDaysLeft!: number;
  @Field(() => String, { nullable: true, description: 'The appraisal the task belongs to.' }) appraisalId!: string | null;
  @Field(() => String, { nullable: true, description: 'The cycle\'s name.' }) cycleName!: string | null;
  @Field(() => String, { nullable: true, description: 'Whom the task is about (the person rated).' }) subjectName!: string | null;
}

/** The read model of a notification: a plain row with its facts. */
@ObjectType('Notification', { implements: Node, simpleResolvers: true, description: 'A message to the signed-in person (a reminder of open tasks); private to them.' })
export class NotificationNode extends RecordNode {
  declare __typename: 'Notification';
  @Field(() => String, { description: 'What kind of message: "reminder".' }) kind!: string;
  @Field(() => JSONResolver, { description: 'The message\'s data as written (date, item keys, items).' }) payload!: Record<string, unknown>;
  @Field(() => [ReminderItemView], { description: 'The tasks a reminder lists (empty for other kinds).' }) items!: ReminderItemView[];
  @Field(() => Date, { nullable: true, description: 'When the transport delivered it (in-app: when written).' }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the person marked it read.' }) readAt!: Date | null;
}

@InputType({ description: 'Which of my notifications to list.' })
export class NotificationFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only unread ones (true) or only read ones (false).' }) unread?: boolean | null;
}

export enum NotificationSortField {
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(NotificationSortField, { name: 'NotificationSortField', description: 'What notifications can be ordered by.' });

@InputType({ description: 'One sort key for notifications.' })
export class NotificationSort {
  @Field(() => NotificationSortField, { description: 'The key.' }) field!: NotificationSortField;
  @Field(() => SortDirection, { nullable: true, description: 'ASC (default) or DESC.' }) direction?: SortDirection | null;
}

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => NotificationFilter, { nullable: true, description: 'Filter.' }) filter?: NotificationFilter | null;
  @Field(() => [NotificationSort], { nullable: true, description: 'Order; default: newest first.' }) sort?: NotificationSort[] | null;
}

@ObjectType('ReminderRun', { simpleResolvers: true, description: 'What one run of the reminder planner did.' })
export class ReminderRunView {
  @Field(() => Int, { description: 'Notifications written (one per person).' }) notifications!: number;
  @Field(() => Int, { description: 'Tasks reminded of.' }) items!: number;
  @Field(() => Int, { description: 'Open tasks seen.' }) pending!: number;
}
