import { Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { EditableRecord, Node } from '../../core/record.js';
import { IndicatorCategory } from './indicator-category.entity.js';

/** The engine's item methods (range, rubric, deduction, formula, passFail) as library metadata. */
export enum IndicatorScoringMethod {
  RANGE = 'RANGE',
  RUBRIC = 'RUBRIC',
  DEDUCTION = 'DEDUCTION',
  FORMULA = 'FORMULA',
  PASS_FAIL = 'PASS_FAIL',
}
registerEnumType(IndicatorScoringMethod, {
  name: 'IndicatorScoringMethod',
  description: 'How an indicator is scored: points in a range, a rubric level, deductions from full marks, a formula over measured values, pass/fail.',
});

export enum MeasurementSource {
  RATED = 'RATED',
  SURVEY = 'SURVEY',
  MEASURED = 'MEASURED',
}
registerEnumType(MeasurementSource, {
  name: 'MeasurementSource',
  description: 'Where the value comes from: a rater\'s judgement, a survey, or a measured value.',
});

@ObjectType({ implements: Node, description: 'A reusable assessment indicator of the library. Schemes copy what they use, so retiring one never changes a scheme.' })
@Entity({ tableName: 'indicator' })
export class Indicator extends EditableRecord {
  @Field(() => String, { description: 'Short stable code, unique; scheme items reference it as `indicatorCode`.' })
  @Property({ type: 'string', length: 32 })
  @Unique()
  code!: string;

  @Field(() => String, { description: 'Name in English.' })
  @Property({ type: 'string', length: 200 })
  @Index()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  @Property({ type: 'string', length: 200, nullable: true })
  nameZh: string | null = null;

  @Field(() => String, { nullable: true, description: 'What is assessed and how, for raters and appraisees.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @ManyToOne({ entity: () => IndicatorCategory, deleteRule: 'restrict' })
  @Index()
  category!: IndicatorCategory;

  @Field(() => IndicatorScoringMethod, { description: 'Scoring method.' })
  @Enum({ items: () => IndicatorScoringMethod, type: 'string' })
  scoringMethod!: IndicatorScoringMethod;

  /** Decimal text (exact), resolved as normalized text by the resolver. */
  @Property({ type: 'decimal', precision: 12, scale: 4, nullable: true })
  minPoints: string | null = null;

  @Property({ type: 'decimal', precision: 12, scale: 4 })
  maxPoints!: string;

  @Field(() => MeasurementSource, { description: 'Measurement source.' })
  @Enum({ items: () => MeasurementSource, type: 'string' })
  measurementSource!: MeasurementSource;

  /** Ids, not a join table: the list is short, read as a whole and filtered with array operators. */
  @Property({ type: 'text[]' })
  applicableDepartmentIds: Opt<string[]> = [];

  @Property({ type: 'text[]' })
  applicablePositionIds: Opt<string[]> = [];

  @Field(() => [String], { description: 'Free tags for search and grouping.' })
  @Property({ type: 'text[]' })
  tags: Opt<string[]> = [];

  @Field(() => Boolean, { description: 'False once retired; retiring never changes a scheme that already uses it.' })
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
