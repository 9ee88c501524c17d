import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';

export enum PayoutBatchStatusValue {
  DRAFT = 'draft',
  SUBMITTED = 'submitted',
  APPROVED = 'approved',
  CANCELLED = 'cancelled',
}
registerEnumType(PayoutBatchStatusValue, { name: 'PayoutBatchStatus', description: 'draft -> submitted -> approved (frozen); submitted -> draft (rejected with a reason); draft -> cancelled.' });

export enum PayoutBatchActionValue {
  SUBMIT = 'submit',
  APPROVE = 'approve',
  REJECT = 'return',
  CANCEL = 'cancel',
}
registerEnumType(PayoutBatchActionValue, {
  name: 'PayoutBatchAction',
  description: 'SUBMIT (HR, draft); APPROVE (an APPROVER who did not prepare it: entries become paid, the batch is frozen); REJECT (back to draft, reason); CANCEL (HR, draft, reason).',
});

@ObjectType('PayoutBatchScope', { simpleResolvers: true, description: 'What a batch was asked to collect.' })
export class PayoutBatchScopeView {
  @Field(() => [ID], { nullable: true, description: 'Departments as chosen (each with those below it); null = all.' }) departmentIds!: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Components; null = all.' }) components!: string[] | null;
  @Field(() => Boolean, { description: 'Approved unpaid entries of earlier months are collected too.' }) includeEarlier!: boolean;
}

@ObjectType('PayoutBatchTotal', { simpleResolvers: true, description: 'A total of a batch by department or component (computed in SQL).' })
export class PayoutBatchTotalView {
  @Field(() => ID, { nullable: true, description: 'The department (by-department totals).' }) departmentId!: string | null;
  @Field(() => String, { nullable: true, description: 'Department code.' }) departmentCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Department name.' }) departmentName!: string | null;
  @Field(() => String, { nullable: true, description: 'Component (by-component totals).' }) component!: string | null;
  @Field(() => String, { description: 'Money, exact cents.' }) total!: string;
  @Field(() => Int, { description: 'Entries.' }) entries!: number;
}

@ObjectType('PayoutBatchLine', { simpleResolvers: true, description: 'One payroll line of an approved batch: one person, one component (frozen at approval).' })
export class PayoutBatchLineView {
  @Field(() => Int, { description: 'Line number.' }) lineNo!: number;
  @Field(() => ID, { description: 'The person.' }) employeeId!: string;
  @Field(() => String, { description: 'Employee number at approval.' }) employeeNumber!: string;
  @Field(() => String, { description: 'Name at approval.' }) name!: string;
  @Field(() => String, { description: 'Department code at approval.' }) departmentCode!: string;
  @Field(() => String, { description: 'Department name at approval.' }) departmentName!: string;
  @Field(() => String, { description: 'Component.' }) component!: string;
  @Field(() => String, { description: 'Money, exact cents.' }) amount!: string;
  @Field(() => Int, { description: 'Entries summed.' }) entries!: number;
}

@ObjectType('PayoutBatch', { implements: Node, description: 'A payout batch ("special project application"): approved unpaid entries of an accounting month collected for payroll.' })
export class PayoutBatchNode extends RecordNode {
  @Field(() => String, { description: 'Number, e.g. PB-2026-05-001.' }) number!: string;
  @Field(() => String, { description: 'Accounting month (YYYY-MM).' }) periodKey!: string;
  @Field(() => String, { description: 'Accounting-month convention (calendar, or the workshop\'s 26th-25th).' }) accountingMonth!: string;
  @Field(() => String, { description: 'First day of the accounting month.' }) periodStart!: string;
  @Field(() => String, { description: 'Last day of the accounting month.' }) periodEnd!: string;
  @Field(() => PayoutBatchScopeView, { description: 'What it was asked to collect.' }) scope!: PayoutBatchScopeView;
  @Field(() => PayoutBatchStatusValue, { description: 'Workflow state.' }) status!: PayoutBatchStatusValue;
  @Field(() => String, { description: 'Total money, exact cents.' }) total!: string;
  @Field(() => Int, { description: 'Entries collected.' }) entryCount!: number;
  @Field(() => Int, { description: 'People paid.' }) peopleCount!: number;
  @Field(() => [PayoutBatchTotalView], { description: 'Totals by department.' }) totalsByDepartment!: PayoutBatchTotalView[];
  @Field(() => [PayoutBatchTotalView], { description: 'Totals by component.' }) totalsByComponent!: PayoutBatchTotalView[];
  @Field(() => String, { nullable: true, description: 'SHA-256 of the payroll lines (set at approval; every export carries it).' }) checksum!: string | null;
  @Field(() => String, { nullable: true, description: 'Who prepared it.' }) preparedBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was submitted.' }) submittedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who approved it.' }) approvedBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was approved.' }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the approver sent it back.' }) returnReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' }) cancelReason!: string | null;
  preparedByUserId!: string;
}

@ObjectType('PayoutBatchExport', { simpleResolvers: true, description: 'The payroll workbook of an approved batch (.xlsx, base64) with its checksum.' })
export class PayoutBatchExportView {
  @Field(() => String, { description: 'Suggested file name.' }) fileName!: string;
  @Field(() => String, { description: 'MIME type.' }) contentType!: string;
  @Field(() => String, { description: 'File content, base64-encoded.' }) contentBase64!: string;
  @Field(() => String, { description: 'SHA-256 of the canonical lines; equals the batch checksum.' }) checksum!: string;
  @Field(() => Int, { description: 'Payroll lines.' }) lineCount!: number;
  @Field(() => String, { description: 'Total money, exact cents.' }) total!: string;
}

@InputType({ description: 'What a new payout batch collects.' })
export class CreatePayoutBatchInput {
  @Limit('code') @Field(() => String, { description: 'Accounting month (YYYY-MM).' }) periodKey!: string;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Accounting-month convention: calendar (default) or a work-calendar code such as workshop (26th-25th).' }) accountingMonth?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Only these departments (each with those below it).' }) departmentIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Only these components.' }) components?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Also collect approved unpaid entries of earlier months.' }) includeEarlier?: boolean | null;
}

@InputType({ description: 'Which payout batches to list.' })
export class PayoutBatchFilter {
  @Field(() => PayoutBatchStatusValue, { nullable: true, description: 'Only this state.' }) status?: PayoutBatchStatusValue | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Only this accounting month.' }) periodKey?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Only this convention.' }) accountingMonth?: string | null;
}

export enum PayoutBatchSortField {
  PERIOD = 'PERIOD',
  CREATED_AT = 'CREATED_AT',
  STATUS = 'STATUS',
  TOTAL = 'TOTAL',
}
registerEnumType(PayoutBatchSortField, { name: 'PayoutBatchSortField', description: 'What payout batches can be ordered by.' });

export const PayoutBatchSort = sortInputType('PayoutBatchSort', PayoutBatchSortField, 'payout batches');
export type PayoutBatchSort = SortKey<PayoutBatchSortField>;

export const PayoutBatchesArgs = listArgsType(PayoutBatchFilter, PayoutBatchSort, 'newest first');
export type PayoutBatchesArgs = ListArgs<PayoutBatchFilter, PayoutBatchSort>;
