import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Limit } from '../../core/input-limits.js';

@ObjectType('AppraisalAdjustment', { simpleResolvers: true, description: 'A plus/minus entry of the scheme on an appraisal (a reward or a penalty by rule). Never deleted: a removal is marked with its reason.' })
export class AppraisalAdjustmentView {
  @Field(() => ID, { description: 'Id (give it to removeAdjustment).' }) id!: string;
  @Field(() => String, { description: 'Rule id of the scheme\'s plus/minus catalog, e.g. "rationalisation".' }) rule!: string;
  @Field(() => Int, { nullable: true, description: 'How many times (rules counted per occurrence).' }) occurrences!: number | null;
  @Field(() => String, { nullable: true, description: 'The amount as a decimal string (rules with a range).' }) amount!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was entered.' }) reason!: string | null;
  @Field(() => Date, { description: 'When it was entered.' }) enteredAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was removed; null while it counts.' }) removedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was removed.' }) removedReason!: string | null;
}

@InputType({ description: 'A plus/minus entry: the scheme rule, the amount (rules with a range) or the occurrences (rules counted per time), and the reason.' })
export class AdjustmentInput {
  @Limit('code') @Field(() => String, { description: 'Rule id of the scheme\'s plus/minus catalog.' }) rule!: string;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Amount as a decimal string, inside the rule\'s range (a value outside is refused naming the range).' }) amount?: string | null;
  @Field(() => Int, { nullable: true, description: 'Occurrences, a whole number (rules counted per time).' }) occurrences?: number | null;
  @Limit('shortText') @Field(() => String, { description: 'Why (required, at most 500 characters).' }) reason!: string;
}
