import { JSONResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';

/** A roll-up result row (latest number per employee, roll-up and period). */
@ObjectType('RollupResult', { simpleResolvers: true, description: 'A quarterly, half-year or annual result computed from child cycles by the scheme\'s roll-up formula (append-only; the latest computation).' })
export class RollupResultNode {
  __typename!: 'RollupResult';
  employeeId!: string;
  cycleId!: string | null;
  schemeVersionId!: string | null;
  trace!: unknown[];

  @Field(() => ID, { description: 'Id.' }) id!: string;
  @Field(() => String, { description: 'Roll-up id of the scheme, e.g. "quarterly", "annual".' }) rollupId!: string;
  @Field(() => String, { description: 'The period it covers, e.g. "2025-Q3".' }) periodKey!: string;
  @Field(() => Int, { description: 'Computation number (a recomputation with changed inputs adds one).' }) number!: number;
  @Field(() => Date, { description: 'When it was computed.' }) createdAt!: Date;
  @Field(() => String, { description: 'The value as a decimal string.' }) value!: string;
  @Field(() => String, { nullable: true, description: 'Grade of the value by the scheme\'s bands.' }) grade!: string | null;
  @Field(() => JSONResolver, { description: 'Each input: { name: { value, periodKey, filled } } (filled = a missing child filled by the scheme\'s policy).' }) inputs!: Record<string, unknown>;
}

@ObjectType('RollupComputation', { simpleResolvers: true, description: 'What computeRollups did for a cycle\'s period.' })
export class RollupComputationView {
  @Field(() => String, { description: 'The roll-up computed.' }) rollupId!: string;
  @Field(() => String, { description: 'The period.' }) periodKey!: string;
  @Field(() => Int, { description: 'New results written.' }) computed!: number;
  @Field(() => Int, { description: 'Results unchanged since the last computation (skipped).' }) unchanged!: number;
}

@InputType({ description: 'Which roll-up results to list; all conditions must hold.' })
export class RollupFilter {
  @Field(() => ID, { nullable: true, description: 'Only results computed for this cycle\'s period.' }) cycleId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this employee.' }) employeeId?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Only this roll-up id.' }) rollupId?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Only this period key.' }) periodKey?: string | null;
}

export enum RollupSortField {
  PERIOD_KEY = 'PERIOD_KEY',
  VALUE = 'VALUE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(RollupSortField, { name: 'RollupSortField', description: 'What roll-up results can be ordered by.' });

export const RollupSort = sortInputType('RollupSort', RollupSortField, 'roll-up results');
export type RollupSort = SortKey<RollupSortField>;

export const RollupResultsArgs = listArgsType(RollupFilter, RollupSort, 'period key, newest first');
export type RollupResultsArgs = ListArgs<RollupFilter, RollupSort>;
