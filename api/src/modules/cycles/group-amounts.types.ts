import { JSONResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Limit } from '../../core/input-limits.js';

/** What a group amount is for: the bonus pool split by score, the output value split by man-hours, or an input of the output value formula (the engine's `pool` / `outputValue` / `inputs`). */
export enum GroupAmountKind {
  POOL = 'POOL',
  OUTPUT_VALUE = 'OUTPUT_VALUE',
  OUTPUT_INPUT = 'OUTPUT_INPUT',
}
registerEnumType(GroupAmountKind, {
  name: 'GroupAmountKind',
  description:
    'POOL: a bonus pool split by score (Part 5); OUTPUT_VALUE: an output value split by group share and man-hours (Part 4); OUTPUT_INPUT: one named input of the scheme\'s output value formula (e.g. revenue, kilogramsProduced, finishedKilograms), used when no OUTPUT_VALUE is given.',
});

@InputType({ description: 'One amount of one pay group of a cycle.' })
export class GroupAmountInput {
  @Limit('code') @Field(() => String, { description: 'The pay group: "cycle" when the cycle pays everyone together, else the calibration group (department id at launch).' }) groupKey!: string;
  @Field(() => GroupAmountKind, { description: 'Which amount.' }) kind!: GroupAmountKind;
  @Limit('code') @Field(() => String, { nullable: true, description: 'OUTPUT_INPUT: the formula input\'s name, e.g. "revenue".' }) name?: string | null;
  @Limit('code') @Field(() => String, { nullable: true, description: 'A decimal string: yuan with at most 2 places for POOL and OUTPUT_VALUE ("10000.00"), at most 3 places for OUTPUT_INPUT (kilograms); null clears it.' }) amount?: string | null;
}

@ObjectType('CycleGroupAmount', { description: 'The money of one pay group of a cycle that pay rules split (HR).' })
export class CycleGroupAmountView {
  @Field(() => String, { description: 'The pay group ("cycle" or a calibration group key).' }) groupKey!: string;
  @Field(() => String, { nullable: true, description: 'Bonus pool (yuan, 2 places), or null.' }) pool!: string | null;
  @Field(() => String, { nullable: true, description: 'Output value (yuan, 2 places), or null.' }) outputValue!: string | null;
  @Field(() => JSONResolver, { nullable: true, description: 'Inputs of the output value formula by name (decimal strings), or null.' }) inputs!: Record<string, string> | null;
}
