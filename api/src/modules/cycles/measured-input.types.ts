import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';
import { ImportRowError } from '../org/employee-import.service.js';

export enum MeasuredInputKindValue {
  ITEM_VALUES = 'ITEM_VALUES',
  OCCURRENCE = 'OCCURRENCE',
  WORK_TICKET = 'WORK_TICKET',
  PAY_FACT = 'PAY_FACT',
}
registerEnumType(MeasuredInputKindValue, {
  name: 'MeasuredInputKind',
  description:
    'ITEM_VALUES: measured values of a formula item (a patient-satisfaction survey: satisfied, returned). OCCURRENCE: a breach an auditor logged on a day (a deduction rule and a count). WORK_TICKET: a work ticket with its man-hours and completion level (workshop output pay). PAY_FACT: pay facts (base, groupId, manHours).',
});

@ObjectType('MeasuredValue', { simpleResolvers: true, description: 'One named measured value, as a decimal string (or a group id for the groupId pay fact).' })
export class MeasuredValueView {
  @Field(() => String, { description: 'Input name, e.g. "satisfied", "returned", "manHours", "groupId".' }) name!: string;
  @Field(() => String, { description: 'The value as written, e.g. "48".' }) value!: string;
}

/** The read model of a measured input: a plain row with its facts. */
@ObjectType('MeasuredInput', { implements: Node, simpleResolvers: true, description: 'A measured input of a person in a cycle (not an opinion): survey figures, an occurrence, a work ticket or pay facts. Read by HR and the supervisors of the person\'s line.' })
export class MeasuredInputNode extends RecordNode {
  declare __typename: 'MeasuredInput';
  cycleId!: string;
  employeeId!: string;

  @Field(() => MeasuredInputKindValue, { description: 'What kind of measurement this is.' }) kind!: MeasuredInputKindValue;
  @Field(() => String, { nullable: true, description: 'The scheme item it feeds (ITEM_VALUES, OCCURRENCE).' }) item!: string | null;
  @Field(() => [MeasuredValueView], { nullable: true, description: 'Named values (ITEM_VALUES, PAY_FACT).' }) values!: MeasuredValueView[] | null;
  @Field(() => String, { nullable: true, description: 'Deduction rule of the item (OCCURRENCE).' }) rule!: string | null;
  @Field(() => String, { nullable: true, description: 'Day of the occurrence, YYYY-MM-DD (OCCURRENCE).' }) date!: string | null;
  @Field(() => Int, { nullable: true, description: 'How many times it happened that day (OCCURRENCE).' }) count!: number | null;
  @Field(() => String, { nullable: true, description: 'Work ticket number (WORK_TICKET).' }) ticket!: string | null;
  @Field(() => String, { nullable: true, description: 'Man-hours of the ticket as a decimal string (WORK_TICKET).' }) hours!: string | null;
  @Field(() => String, { nullable: true, description: 'Completion level code of the ticket, from the scheme\'s output pay (WORK_TICKET).' }) level!: string | null;
  @Field(() => String, { nullable: true, description: 'Note of the auditor (OCCURRENCE).' }) note!: string | null;
  @Field(() => ID, { nullable: true, description: 'The import that wrote it; null when typed in.' }) importBatchId!: string | null;
}

@InputType({ description: 'One named measured value.' })
export class MeasuredValueInput {
  @Limit('code') @Field(() => String, { description: 'Input name, e.g. "satisfied".' }) name!: string;
  @Limit('code') @Field(() => String, { description: 'The value, e.g. "48" (a decimal string; a group id for groupId).' }) value!: string;
}

@InputType({ description: 'One measured input. Which fields apply depends on the kind (see MeasuredInput).' })
export class MeasuredEntryInput {
  @Field(() => MeasuredInputKindValue, { description: 'The kind.' }) kind!: MeasuredInputKindValue;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Scheme item (ITEM_VALUES, OCCURRENCE).' }) item?: string | null;
  @Field(() => [MeasuredValueInput], { nullable: true, description: 'Named values (ITEM_VALUES, PAY_FACT).' }) values?: MeasuredValueInput[] | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Deduction rule (OCCURRENCE).' }) rule?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Day, YYYY-MM-DD (OCCURRENCE).' }) date?: string | null;
  @Field(() => Int, { nullable: true, description: 'Occurrences that day, at least 1 (OCCURRENCE).' }) count?: number | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Ticket number (WORK_TICKET).' }) ticket?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Man-hours (WORK_TICKET).' }) hours?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Completion level code (WORK_TICKET).' }) level?: string | null;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Note (OCCURRENCE).' }) note?: string | null;
}

@InputType({ description: 'A person\'s measured inputs in a cycle: the entries replace what the person has of the listed kinds (and of the kinds the entries have).' })
export class SaveMeasuredInputsInput {
  @Field(() => ID, { description: 'The cycle.' }) cycleId!: string;
  @Field(() => ID, { description: 'The measured person (an employee of the cycle).' }) employeeId!: string;
  @Field(() => [MeasuredInputKindValue], { defaultValue: [], description: 'Kinds to replace; list a kind with no entries to clear it.' }) kinds!: MeasuredInputKindValue[];
  @Field(() => [MeasuredEntryInput], { description: 'The entries (at most 500).' }) entries!: MeasuredEntryInput[];
}

export enum MeasuredResultStatus {
  COMPUTED = 'computed',
  WAITING = 'waiting',
  BLOCKED = 'blocked',
  UNCHANGED = 'unchanged',
}
registerEnumType(MeasuredResultStatus, { name: 'MeasuredResultStatus', description: 'What saving did to the result: COMPUTED a new result number, UNCHANGED same input, WAITING for ratings, BLOCKED by the engine.' });

@ObjectType('MeasuredInputsSaved', { simpleResolvers: true, description: 'A person\'s measured inputs after saving, and what happened to their result.' })
export class MeasuredInputsSavedView {
  @Field(() => [MeasuredInputNode], { description: 'Every measured input the person now has in the cycle.' }) entries!: MeasuredInputNode[];
  @Field(() => MeasuredResultStatus, { description: 'The result computation after saving.' }) result!: MeasuredResultStatus;
}

@InputType({ description: 'Which measured inputs to list; all conditions must hold.' })
export class MeasuredInputFilter {
  @Field(() => ID, { nullable: true, description: 'Only this cycle.' }) cycleId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this person.' }) employeeId?: string | null;
  @Field(() => MeasuredInputKindValue, { nullable: true, description: 'Only this kind.' }) kind?: MeasuredInputKindValue | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Only this item.' }) item?: string | null;
}

export enum MeasuredInputSortField {
  EMPLOYEE_NUMBER = 'EMPLOYEE_NUMBER',
  KIND = 'KIND',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(MeasuredInputSortField, { name: 'MeasuredInputSortField', description: 'What measured inputs can be ordered by.' });

export const MeasuredInputSort = sortInputType('MeasuredInputSort', MeasuredInputSortField, 'measured inputs');
export type MeasuredInputSort = SortKey<MeasuredInputSortField>;

export const MeasuredInputsArgs = listArgsType(MeasuredInputFilter, MeasuredInputSort, 'employee number');
export type MeasuredInputsArgs = ListArgs<MeasuredInputFilter, MeasuredInputSort>;

@InputType({ description: 'A measured-input sheet to check (dryRun) or apply: one row per value (see measuredInputTemplate). Each person\'s inputs of the kinds the file holds for them are replaced.' })
export class ImportMeasuredInputsInput {
  @Field(() => ID, { description: 'The cycle.' }) cycleId!: string;
  @Limit('shortText') @Field(() => String, { description: 'File name; its extension (.xlsx or .csv) decides how it is read.' }) fileName!: string;
  @Limit('base64File') @Field(() => String, { description: 'File content, base64-encoded (at most 10 MB).' }) contentBase64!: string;
  @Field(() => Boolean, { description: 'true: only report problems. false: write every row, or none when any row is bad.' }) dryRun!: boolean;
}

@ObjectType('MeasuredInputImportReport', { description: 'The result of checking or applying a measured-input sheet.' })
export class MeasuredInputImportReport {
  @Field(() => Boolean, { description: 'Whether this was a dry run.' }) dryRun!: boolean;
  @Field(() => Int, { description: 'Data rows read.' }) totalRows!: number;
  @Field(() => Int, { description: 'Rows without problems.' }) validRows!: number;
  @Field(() => Boolean, { description: 'True when the rows were written (never partly).' }) applied!: boolean;
  @Field(() => Int, { description: 'Measured inputs written.' }) created!: number;
  @Field(() => Int, { description: 'People whose inputs were replaced.' }) updated!: number;
  @Field(() => Int, { description: 'Results computed anew because of the import.' }) results!: number;
  @Field(() => [ImportRowError], { description: 'Every problem found, by row.' }) errors!: ImportRowError[];
}
