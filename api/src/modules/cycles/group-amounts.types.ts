import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Limit } from '../../core/input-limits.js';

/** What a group amount is for: the bonus pool split by score, or the output value split by man-hours (the engine's `pool` / `outputValue`). */
export enum GroupAmountKind {
  POOL = 'POOL',
  OUTPUT_VALUE = 'OUTPUT_VALUE',
}
registerEnumType(GroupAmountKind, {
  name: 'GroupAmountKind',
  description: 'POOL: a bonus pool split by score (Part 5); OUTPUT_VALUE: an output value split by group share and man-hours (Part 4).',
});

@InputType({ description: 'One amount of one pay group of a cycle.' })
export class GroupAmountInput {
  @Limit('code') @Field(() => String, { description: 'The pay group: "cycle" when the cycle pays everyone together, else the calibration group (department id at launch).' }) groupKey!: string;
  @Field(() => GroupAmountKind, { description: 'Which amount.' }) kind!: GroupAmountKind;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Yuan as a decimal string with at most 2 places, e.g. "10000.00"; null clears it.' }) amount?: string | null;
}

@ObjectType('CycleGroupAmount', { description: 'The money of one pay group of a cycle that pay rules split (HR).' })
export class CycleGroupAmountView {
  @Field(() => String, { description: 'The pay group ("cycle" or a calibration group key).' }) groupKey!: string;
  @Field(() => String, { nullable: true, description: 'Bonus pool (yuan, 2 places), or null.' }) pool!: string | null;
  @Field(() => String, { nullable: true, description: 'Output value (yuan, 2 places), or null.' }) outputValue!: string | null;
}
