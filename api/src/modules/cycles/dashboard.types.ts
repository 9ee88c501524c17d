import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../core/scalars.js';
import { CyclePhaseName, CycleStateValue } from './cycle.types.js';

@ObjectType('DashboardPhase', { simpleResolvers: true, description: 'A phase of the cycle with where it stands today and its open tasks.' })
export class DashboardPhaseView {
  @Field(() => CyclePhaseName, { description: 'The phase.' }) phase!: CyclePhaseName;
  @Field(() => LocalDateScalar, { description: 'First day.' }) opens!: string;
  @Field(() => LocalDateScalar, { description: 'Last day.' }) closes!: string;
  @Field(() => String, { description: 'UPCOMING, OPEN or CLOSED today.' }) status!: string;
  @Field(() => Int, { description: 'Tasks of this window still open.' }) open!: number;
  @Field(() => Int, { description: 'Of those, past their due day.' }) overdue!: number;
}

@ObjectType('OutstandingTasks', { simpleResolvers: true, description: 'Open tasks of one kind: how many, how many overdue, how many people owe them.' })
export class OutstandingTasksView {
  @Field(() => String, { description: 'rating, selfReview or acknowledgement.' }) kind!: string;
  @Field(() => Int, { description: 'Open tasks.' }) open!: number;
  @Field(() => Int, { description: 'Past their due day.' }) overdue!: number;
  @Field(() => Int, { description: 'People who owe them.' }) recipients!: number;
}

@ObjectType('DepartmentProgress', { simpleResolvers: true, description: 'Completion of a cycle in one department (the appraised people\'s departments), or in total.' })
export class DepartmentProgressView {
  @Field(() => ID, { nullable: true, description: 'The department; null for the total.' }) departmentId!: string | null;
  @Field(() => String, { nullable: true, description: 'Its name; null for the total.' }) departmentName!: string | null;
  @Field(() => Int, { description: 'Appraisals (excluded ones not counted).' }) appraisals!: number;
  @Field(() => Int, { description: 'Appraisals with a computed result.' }) scored!: number;
  @Field(() => Int, { description: 'Ratings expected (reassigned ones not counted).' }) ratingsDue!: number;
  @Field(() => Int, { description: 'Ratings submitted.' }) ratingsDone!: number;
  @Field(() => Int, { description: 'Self-reviews expected (cycles with a self-review phase).' }) selfReviewsDue!: number;
  @Field(() => Int, { description: 'Self-reviews submitted.' }) selfReviewsDone!: number;
  @Field(() => Int, { description: 'Published results to acknowledge.' }) acknowledgementsDue!: number;
  @Field(() => Int, { description: 'Results acknowledged.' }) acknowledged!: number;
}

@ObjectType('OverdueTask', { simpleResolvers: true, description: 'A task past its due day and who owes it.' })
export class OverdueTaskView {
  recipientId!: string;
  @Field(() => String, { description: 'rating, selfReview or acknowledgement.' }) kind!: string;
  @Field(() => ID, { description: 'The appraisal it belongs to.' }) appraisalId!: string;
  @Field(() => String, { description: 'Whom the task is about.' }) subjectName!: string;
  @Field(() => LocalDateScalar, { description: 'The last day of its window.' }) due!: string;
  @Field(() => Int, { description: 'Calendar days past due.' }) daysOverdue!: number;
}

@ObjectType('CycleDashboard', { simpleResolvers: true, description: 'Where a cycle stands (HR): progress by phase and department, open tasks, overdue people.' })
export class CycleDashboardView {
  @Field(() => ID, { description: 'The cycle.' }) cycleId!: string;
  @Field(() => CycleStateValue, { description: 'Its workflow state.' }) state!: CycleStateValue;
  @Field(() => LocalDateScalar, { description: 'The day the figures are for.' }) today!: string;
  @Field(() => [DashboardPhaseView], { description: 'Phases in order with their status and open tasks.' }) phases!: DashboardPhaseView[];
  @Field(() => DepartmentProgressView, { description: 'The whole cycle.' }) total!: DepartmentProgressView;
  @Field(() => [DepartmentProgressView], { description: 'Per department, by name.' }) departments!: DepartmentProgressView[];
  @Field(() => [OutstandingTasksView], { description: 'Open tasks per kind.' }) outstanding!: OutstandingTasksView[];
  @Field(() => Int, { description: 'How many tasks are overdue.' }) overdueCount!: number;
  @Field(() => [OverdueTaskView], { description: 'The overdue tasks, most overdue first (at most 200).' }) overdue!: OverdueTaskView[];
}
