import type { SchemeDefinition } from '@appraisal/domain';
import { JSONResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SchemePeriod } from './scheme.entity.js';

// A typed, read-only view of the engine's JSON document, so clients can query the structure without parsing
// the blob. The document stays the source of truth; these objects are built from it on every read.

export enum RaterRole {
  SELF = 'SELF',
  DIRECT_SUPERVISOR = 'DIRECT_SUPERVISOR',
  SECOND_LEVEL_SUPERVISOR = 'SECOND_LEVEL_SUPERVISOR',
  DEPARTMENT = 'DEPARTMENT',
  HR = 'HR',
  PEER = 'PEER',
  SURVEY = 'SURVEY',
  COMMITTEE = 'COMMITTEE',
}
registerEnumType(RaterRole, { name: 'RaterRole', description: 'Who rates a section of a scheme.' });

@ObjectType({ description: 'A label in English and Chinese.' })
export class LocalText {
  @Field(() => String, { description: 'English.' }) en!: string;
  @Field(() => String, { description: 'Chinese.' }) zh!: string;
}

@ObjectType('SchemeRater', { description: 'A rater role of a section and its weight in percent.' })
export class SchemeRaterView {
  @Field(() => RaterRole, { description: 'Rater role.' }) role!: RaterRole;
  @Field(() => String, { description: 'Weight in percent (decimal text).' }) weight!: string;
}

@ObjectType('SchemeItem', { description: 'An item of a section, drawn from a library indicator.' })
export class SchemeItemView {
  @Field(() => String, { description: 'Item id (a formula variable).' }) id!: string;
  @Field(() => String, { description: 'Code of the library indicator it was drawn from.' }) indicatorCode!: string;
  @Field(() => LocalText, { description: 'Name.' }) name!: LocalText;
  @Field(() => String, { description: 'Full marks (decimal text).' }) maxPoints!: string;
  @Field(() => String, { nullable: true, description: 'Share of the section in percent when the section weighs items.' }) weight!: string | null;
  @Field(() => String, { nullable: true, description: 'Points below this count as failing the item.' }) passMark!: string | null;
  @Field(() => String, { description: 'Scoring method kind: range, rubric, deduction, formula or passFail.' }) method!: string;
}

@ObjectType('SchemeSection', { description: 'A section of the form: weight, raters and items.' })
export class SchemeSectionView {
  @Field(() => String, { description: 'Section id (a formula variable).' }) id!: string;
  @Field(() => LocalText, { description: 'Name.' }) name!: LocalText;
  @Field(() => String, { nullable: true, description: 'Weight in percent of the total; null when sections are summed.' }) weight!: string | null;
  @Field(() => [SchemeRaterView], { description: 'Who rates the section, with weights.' }) raters!: SchemeRaterView[];
  @Field(() => String, { description: 'What a missing rater means: renormalise, fail or fixed.' }) missingRater!: string;
  @Field(() => String, { description: 'points (sum of item points) or weighted (item weights).' }) itemWeighting!: string;
  @Field(() => [SchemeItemView], { description: 'Items.' }) items!: SchemeItemView[];
}

@ObjectType('SchemeAdjustmentRule', { description: 'An entry of the plus/minus catalog.' })
export class SchemeAdjustmentRuleView {
  @Field(() => String, { description: 'Rule id.' }) id!: string;
  @Field(() => LocalText, { description: 'Name.' }) name!: LocalText;
  @Field(() => String, { description: 'bonus or penalty.' }) direction!: string;
  @Field(() => String, { description: 'points, money or hours.' }) unit!: string;
  @Field(() => String, { nullable: true, description: 'Smallest amount per entry (equals max for a fixed amount).' }) min!: string | null;
  @Field(() => String, { nullable: true, description: 'Largest amount per entry (equals min for a fixed amount).' }) max!: string | null;
  @Field(() => String, { nullable: true, description: 'Largest total this rule may contribute in one appraisal.' }) perRuleCap!: string | null;
}

@ObjectType('SchemeGradeBand', { description: 'A grade band with explicit inclusive or exclusive bounds.' })
export class SchemeGradeBandView {
  @Field(() => String, { description: 'Grade id.' }) grade!: string;
  @Field(() => LocalText, { description: 'Label.' }) label!: LocalText;
  @Field(() => String, { description: 'Lower bound.' }) min!: string;
  @Field(() => Boolean, { description: 'Whether the lower bound belongs to the band.' }) minInclusive!: boolean;
  @Field(() => String, { description: 'Upper bound.' }) max!: string;
  @Field(() => Boolean, { description: 'Whether the upper bound belongs to the band.' }) maxInclusive!: boolean;
}

@ObjectType('SchemeQuota', { description: 'A forced-distribution quota of a grade.' })
export class SchemeQuotaView {
  @Field(() => String, { description: 'Grade id.' }) grade!: string;
  @Field(() => String, { description: 'max or min.' }) bound!: string;
  @Field(() => String, { description: 'Share of the group in percent.' }) percent!: string;
  @Field(() => Boolean, { description: 'max: with all better grades; min: with all worse grades.' }) cumulative!: boolean;
}

@ObjectType('SchemePayComponent', { description: 'A pay component of the scheme.' })
export class SchemePayComponentView {
  @Field(() => String, { description: 'Component id.' }) id!: string;
  @Field(() => LocalText, { description: 'Name.' }) name!: LocalText;
  @Field(() => String, { description: 'Pay rule kind, e.g. scorePercentOfBase or poolSplit.' }) kind!: string;
}

@ObjectType('SchemeRollup', { description: 'A period roll-up computed by formula.' })
export class SchemeRollupView {
  @Field(() => String, { description: 'Roll-up id.' }) id!: string;
  @Field(() => LocalText, { description: 'Name.' }) name!: LocalText;
  @Field(() => String, { description: 'month, quarter, half or year.' }) period!: string;
  @Field(() => String, { description: 'Formula text.' }) formula!: string;
}

@ObjectType('SchemeRounding', { description: 'Score rounding, stated once for the scheme.' })
export class SchemeRoundingView {
  @Field(() => Int, { description: 'Decimal places.' }) places!: number;
  @Field(() => String, { description: 'halfUp, halfEven, down or up.' }) mode!: string;
  @Field(() => [String], { description: 'Steps where rounding applies: item, rater, section, total, rollup.' }) applyAt!: string[];
}

@ObjectType({ description: 'The structure of a scheme document as typed fields (read-only view); `json` is the full document.' })
export class SchemeDocument {
  @Field(() => JSONResolver, { description: 'The whole document as the engine reads it (domain/scheme.schema.json).' }) json!: SchemeDefinition;
  @Field(() => String, { description: 'Document code (the scheme code).' }) code!: string;
  @Field(() => LocalText, { description: 'Name.' }) name!: LocalText;
  @Field(() => SchemePeriod, { description: 'Period one appraisal covers.' }) period!: SchemePeriod;
  @Field(() => [LocalText], { description: 'Choices made where the source regulation is ambiguous, in English and Chinese (a note HR typed in one language reads the same in both).' }) notes!: LocalText[];
  @Field(() => String, { description: 'weighted or sum.' }) sectionWeighting!: string;
  @Field(() => [SchemeSectionView], { description: 'Sections.' }) sections!: SchemeSectionView[];
  @Field(() => [SchemeAdjustmentRuleView], { description: 'Plus/minus catalog.' }) adjustmentRules!: SchemeAdjustmentRuleView[];
  @Field(() => [SchemeGradeBandView], { description: 'Grade bands, best first.' }) gradeBands!: SchemeGradeBandView[];
  @Field(() => [SchemeQuotaView], { description: 'Forced-distribution quotas.' }) quotas!: SchemeQuotaView[];
  @Field(() => [SchemePayComponentView], { description: 'Pay components.' }) payComponents!: SchemePayComponentView[];
  @Field(() => String, { nullable: true, description: 'Final-score formula, if any.' }) finalFormula!: string | null;
  @Field(() => [SchemeRollupView], { description: 'Period roll-ups.' }) rollups!: SchemeRollupView[];
  @Field(() => SchemeRoundingView, { description: 'Rounding.' }) rounding!: SchemeRoundingView;
}

/** Builds the typed view of a (valid) scheme document. */
export function documentView(doc: SchemeDefinition): SchemeDocument {
  return {
    json: doc,
    code: doc.code,
    name: doc.name,
    period: doc.period.toUpperCase() as SchemePeriod,
    notes: doc.notes.map((note) => (typeof note === 'string' ? { en: note, zh: note } : note)),
    sectionWeighting: doc.sectionWeighting,
    sections: doc.sections.map((s) => ({
      id: s.id,
      name: s.name,
      weight: s.weight ?? null,
      raters: s.raters.map((r) => ({ role: r.role as RaterRole, weight: r.weight })),
      missingRater: s.missingRater.policy,
      itemWeighting: s.itemWeighting,
      items: s.items.map((i) => ({
        id: i.id,
        indicatorCode: i.indicatorCode,
        name: i.name,
        maxPoints: i.maxPoints,
        weight: i.weight ?? null,
        passMark: i.passMark ?? null,
        method: i.method.kind,
      })),
    })),
    adjustmentRules: doc.adjustments.rules.map((r) => ({
      id: r.id,
      name: r.name,
      direction: r.direction,
      unit: r.unit,
      min: r.amount.kind === 'fixed' ? r.amount.value : r.amount.min,
      max: r.amount.kind === 'fixed' ? r.amount.value : r.amount.max,
      perRuleCap: r.perRuleCap ?? null,
    })),
    gradeBands: doc.grades?.bands ?? [],
    quotas: doc.distribution?.quotas ?? [],
    payComponents: doc.pay.map((p) => ({ id: p.id, name: p.name, kind: p.rule.kind })),
    finalFormula: doc.finalFormula?.expression ?? null,
    rollups: doc.rollups.map((r) => ({ id: r.id, name: r.name, period: r.period, formula: r.formula })),
    rounding: { places: doc.rounding.places, mode: doc.rounding.mode, applyAt: [...doc.rounding.applyAt] },
  };
}
