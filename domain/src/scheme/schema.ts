import { z } from 'zod';
import { payRuleSchema } from '../pay/index.js';
import { eligibilityRuleSchema } from '../eligibility/index.js';

// The scheme document: the JSON HR saves for an appraisal form template. Shapes live here as zod
// schemas (types are inferred from them and the published JSON Schema is generated from them);
// rules that relate fields to each other live in validate.ts.

/** Version of the document format; bump only with a migration of stored schemes. */
export const SCHEME_FORMAT_VERSION = 1;

/** A decimal number written as a string ("80", "12.5", "-5"), so scores and money stay exact in JSON. */
export const decimalText = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number written as text, such as "80" or "12.5"')
  .meta({ id: 'DecimalText', description: 'A decimal number as text, e.g. "80" or "12.5"' });

/** An identifier that can also be used as a formula variable: a letter, then letters, digits or _. */
export const schemeId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'expected an identifier: a letter, then letters, digits or _ (max 64)')
  .meta({ id: 'SchemeId', description: 'Identifier usable as a formula variable' });

/**
 * The code of a rule in the reward-and-punishment catalog (domain/src/ledger): the link from a scheme's
 * plus/minus, deduction and pay rules to the one catalog HR keeps, so no rule exists twice.
 */
export const ledgerRuleCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'expected a ledger rule code: letters, digits, _ . - (max 64)')
  .meta({ id: 'LedgerRuleCode', description: 'Code of a rule in the reward-and-punishment catalog' });

/** A label in both languages of the console. */
export const localText = z
  .strictObject({ en: z.string().min(1), zh: z.string().min(1) })
  .meta({ id: 'LocalText', description: 'A label in English and Chinese' });

/** The rounding modes a scheme may state (same names as domain/decimal.ts). */
export const roundingModeSchema = z.enum(['halfUp', 'halfEven', 'down', 'up']);

/** Who rates a section. */
export const raterRoleSchema = z.enum([
  'SELF',
  'DIRECT_SUPERVISOR',
  'SECOND_LEVEL_SUPERVISOR',
  'DEPARTMENT',
  'HR',
  'PEER',
  'SURVEY',
  'COMMITTEE',
]);

/** What happens when a rater of a section has not rated. */
export const missingRaterPolicySchema = z.discriminatedUnion('policy', [
  z.strictObject({ policy: z.literal('renormalise') }).meta({ description: 'Spread the missing weight over the raters present' }),
  z.strictObject({ policy: z.literal('fail') }).meta({ description: 'The appraisal cannot be scored until every rater has rated' }),
  z
    .strictObject({ policy: z.literal('fixed'), value: decimalText })
    .meta({ description: 'A missing rater counts as this section score' }),
]);

/** How an item turns a rater's input into points. */
export const scoringMethodSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('range'), min: decimalText, max: decimalText })
    .meta({ description: 'The rater enters points in [min, max]' }),
  z
    .strictObject({
      kind: z.literal('rubric'),
      levels: z.array(z.strictObject({ code: schemeId, label: localText, points: decimalText })).min(1),
    })
    .meta({ description: 'The rater picks a level; each level is worth fixed points' }),
  z
    .strictObject({
      kind: z.literal('deduction'),
      rules: z.array(z.strictObject({ id: schemeId, name: localText, points: decimalText, ledgerRule: ledgerRuleCode.optional() })).min(1),
      floor: decimalText,
    })
    .meta({ description: 'Start at the item maximum, subtract occurrences x points per rule, never below floor' }),
  z
    .strictObject({ kind: z.literal('formula'), inputs: z.array(schemeId).min(1), expression: z.string().min(1) })
    .meta({ description: 'Points computed by a formula over measured values (the inputs); clamped to [0, maxPoints]' }),
  z
    .strictObject({ kind: z.literal('passFail'), passPoints: decimalText, failPoints: decimalText })
    .meta({ description: 'Pass or fail; failing can cap the grade' }),
]);

/** One item of a section's form, drawn from an indicator of the library. */
export const itemSchema = z.strictObject({
  id: schemeId,
  indicatorCode: z.string().min(1),
  name: localText,
  maxPoints: decimalText,
  /** Share of the section in percent, used when the section weighs its items. */
  weight: decimalText.optional(),
  /** Points below this count as failing the item (range, rubric and formula methods). */
  passMark: decimalText.optional(),
  method: scoringMethodSchema,
});

/** A section of the form: its weight in the total, who rates it, and its items. */
export const sectionSchema = z.strictObject({
  id: schemeId,
  name: localText,
  /** Percent of the total; required when the scheme weighs its sections. */
  weight: decimalText.optional(),
  raters: z.array(z.strictObject({ role: raterRoleSchema, weight: decimalText })).min(1),
  missingRater: missingRaterPolicySchema,
  /** points: a rater's section score is the sum of item points; weighted: sum of (points / max) x item weight. */
  itemWeighting: z.enum(['points', 'weighted']),
  /** With itemWeighting points, rescale the sum so that full marks equal this number (e.g. "100"). */
  normalizeTo: decimalText.optional(),
  items: z.array(itemSchema).min(1),
});

/** One entry of the plus/minus catalog. */
export const adjustmentRuleSchema = z.strictObject({
  id: schemeId,
  name: localText,
  direction: z.enum(['bonus', 'penalty']),
  /** points change the score; money and hours (converted at hourRate) change pay. */
  unit: z.enum(['points', 'money', 'hours']),
  amount: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed'), value: decimalText }).meta({ description: 'Each occurrence is worth this amount' }),
    z
      .strictObject({ kind: z.literal('range'), min: decimalText, max: decimalText })
      .meta({ description: 'Each entry states an amount within [min, max]' }),
  ]),
  /** Largest total this rule may contribute in one appraisal. */
  perRuleCap: decimalText.optional(),
  /** The catalog rule this entry is derived from (adjustmentRuleFromLedgerRule); entries are recorded in the ledger. */
  ledgerRule: ledgerRuleCode.optional(),
});

/** A grade band with explicit inclusive or exclusive bounds. */
export const gradeBandSchema = z.strictObject({
  grade: schemeId,
  label: localText,
  min: decimalText,
  minInclusive: z.boolean(),
  max: decimalText,
  maxInclusive: z.boolean(),
});

/** A special grade rule applied after the band lookup. */
export const gradeRuleSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('nonParticipation'), grade: schemeId })
    .meta({ description: 'An appraisee who did not take part gets this grade' }),
  z
    .strictObject({ kind: z.literal('failedItemCap'), items: z.array(schemeId).min(1), capGrade: schemeId })
    .meta({ description: 'Failing any of these items caps the grade at capGrade' }),
]);

/** A share of a group that a grade (or a grade and those better/worse) may or must take. */
export const quotaSchema = z.strictObject({
  grade: schemeId,
  bound: z.enum(['max', 'min']),
  percent: decimalText,
  /** max: this grade and all better ones together; min: this grade and all worse ones together. */
  cumulative: z.boolean(),
});

/** Forced distribution: quotas per grade within each group, and how small groups round. */
export const distributionSchema = z.strictObject({
  groupBy: z.enum(['department', 'team']),
  /** The count a share allows is group size x percent / 100 rounded this way. */
  rounding: z.enum(['floor', 'halfUp', 'ceil']),
  quotas: z.array(quotaSchema).min(1),
  /** After the total (descending), compare these section scores (descending); the employee id (ascending) decides last. */
  tieBreak: z.strictObject({ sections: z.array(schemeId) }),
});

/** The period kinds a cycle can run over. */
export const periodKindSchema = z.enum(['day', 'month', 'quarter', 'half', 'year', 'probation']);

/** Period kinds a roll-up combines (calendar periods made of months). */
export const rollupPeriodSchema = z.enum(['month', 'quarter', 'half', 'year']);

/**
 * Where a roll-up input comes from: the child period of a kind at a position inside the roll-up's period
 * (month 2 of a quarter, quarter 1 of a year), and which of its numbers: `own` is that period's own appraisal
 * total, `result` its final result (its own roll-up when the scheme has one for that period, else its total).
 */
export const rollupSourceSchema = z
  .strictObject({ period: rollupPeriodSchema, index: z.number().int().min(1).max(12), use: z.enum(['own', 'result']) })
  .meta({ description: 'The child period feeding a roll-up input, e.g. { period: "month", index: 2, use: "own" }' });

/** What a roll-up does when a child result is missing. Absent means `error`: never a silent 0. */
export const rollupMissingSchema = z.discriminatedUnion('policy', [
  z.strictObject({ policy: z.literal('error') }).meta({ description: 'A missing child result stops the roll-up with an error naming it' }),
  z
    .strictObject({ policy: z.literal('averageOfPresent'), minPresent: z.number().int().min(1).optional() })
    .meta({ description: 'A missing input counts as the average of the inputs present (for avg formulas: the average of what is there)' }),
  z.strictObject({ policy: z.literal('treatAs'), value: decimalText }).meta({ description: 'A missing input counts as this value' }),
]);

/** A period roll-up: a result computed by formula from child period results. */
export const rollupSchema = z.strictObject({
  id: schemeId,
  name: localText,
  period: rollupPeriodSchema,
  inputs: z.array(z.strictObject({ name: schemeId, label: localText, source: rollupSourceSchema.optional() })).min(1),
  formula: z.string().min(1),
  missing: rollupMissingSchema.optional(),
});

/** Cycle phases that have a window on the work calendar (publication and closing are moments, not windows). */
export const cyclePhaseSchema = z.enum(['selfReview', 'rating', 'calibration', 'hrReview']);

/** A date of a phase window, relative to the cycle's period or to another phase. */
export const phasePointSchema = z.discriminatedUnion('from', [
  z
    .strictObject({
      from: z.literal('periodMonth'),
      monthOffset: z.number().int().min(-12).max(24),
      day: z.union([z.number().int().min(1).max(31), z.literal('last')]),
    })
    .meta({ description: 'A day of a month counted from the last month of the period: { monthOffset: 1, day: 5 } is the 5th of the following month' }),
  z
    .strictObject({ from: z.literal('periodEnd'), days: z.number().int().min(-366).max(366), unit: z.enum(['calendar', 'working']) })
    .meta({ description: 'Days after the last day of the period (0 is that day, negative is before it), in calendar or working days' }),
  z
    .strictObject({ from: z.literal('phaseClose'), phase: cyclePhaseSchema, days: z.number().int().min(0).max(366), unit: z.enum(['calendar', 'working']) })
    .meta({ description: 'Days after another (earlier listed) phase closes; 0 is the same day' }),
]);

/** One phase's window: opens and closes (both inclusive); postponeClose moves a close on a day off to the next working day. */
export const phaseWindowSchema = z.strictObject({
  phase: cyclePhaseSchema,
  opens: phasePointSchema,
  closes: phasePointSchema,
  postponeClose: z.boolean(),
});

/** The phase windows of cycles over one period kind; anchorMonths limits them to periods ending in those months. */
export const schedulePeriodSchema = z.strictObject({
  period: periodKindSchema,
  anchorMonths: z.array(z.number().int().min(1).max(12)).optional(),
  phases: z.array(phaseWindowSchema).min(1),
});

/** When a cycle's phases run, per period kind; kinds not listed use the default schedule (cycles/schedule.ts). */
export const scheduleSchema = z.strictObject({
  /** Code of an accounting-month convention of the work calendar (e.g. the workshop's 26th-25th); absent = calendar months. */
  accountingMonth: schemeId.optional(),
  periods: z.array(schedulePeriodSchema),
  /** Working days after publication within which the employee acknowledges (default 5). */
  acknowledgementWorkingDays: z.number().int().min(0).max(60).optional(),
});

/** Who sees what of an appraisal besides HR; absent = the defaults of policies/appraisal-access.ts. */
export const visibilitySchema = z.strictObject({
  supervisor: z.strictObject({
    /** When supervisors up the line see total, grade and explanation of their line: never, after publication, or always. */
    result: z.enum(['never', 'afterPublication', 'always']),
    /** Whether they also see the pay outcome (never before they see the result). */
    pay: z.boolean(),
  }),
  subject: z.strictObject({
    /** What the appraised employee sees of each rater's form after publication. */
    ratings: z.enum(['hidden', 'scores', 'scoresAndComments']),
    /** Whether they see who rated them. */
    raterNames: z.boolean(),
  }),
});

/** A named value HR enters for a whole group and period (month revenue, kilograms produced). */
export const groupInputSchema = z.strictObject({ name: schemeId, label: localText });

/** A completion level of a work ticket and the share of its hours that counts (100 % in time, 90 %, 80 %, 50 %). */
export const completionLevelSchema = z.strictObject({ code: schemeId, label: localText, percent: decimalText });

/** A pay component of the scheme: a pay rule, plus group shares, the output value and ticket completion for output pay. */
export const payComponentSchema = z.strictObject({
  id: schemeId,
  name: localText,
  rule: payRuleSchema,
  /** Output pay (weightBy manHoursTimesCompletion): each group's share of the output value, summing to 100. */
  groups: z.array(z.strictObject({ id: schemeId, name: localText, sharePercent: decimalText })).optional(),
  /**
   * Output pay: the period's output value computed from group-level inputs, e.g. revenue / kilogramsProduced *
   * finishedKilograms, rounded as the rule rounds money. Without it the output value is entered as a number.
   */
  outputValue: z
    .strictObject({ inputs: z.array(groupInputSchema).min(1), formula: z.string().min(1) })
    .optional()
    .meta({ description: 'Output value = formula over group-level inputs (per period), rounded as the rule rounds money' }),
  /**
   * Output pay: completion is judged per work ticket. A person's weight is the sum over their tickets of
   * hours x the ticket level's percent / 100. Without it the weight is man-hours x the appraisal total / 100.
   */
  completionLevels: z
    .array(completionLevelSchema)
    .min(1)
    .optional()
    .meta({ description: 'Completion levels of a work ticket; weight = sum of ticket hours x level percent / 100' }),
  /** The catalog rule its ledger entries point at (the regulation clause that says why the money is paid). */
  ledgerRule: ledgerRuleCode.optional(),
});

/** How appeals against this scheme's results work; absent = the defaults of governance/appeals.ts. */
export const appealSettingsSchema = z.strictObject({
  /** Working days after publication within which the appraised person may appeal. */
  windowWorkingDays: z.number().int().min(0).max(60),
  /** Working days the handler has to decide, counted from the filing (the cafeteria: 7). */
  responseWorkingDays: z.number().int().min(1).max(60),
  /** The appraisal committee takes part in handling (HR still assigns each appeal). */
  committeeHandles: z.boolean(),
});

/** The scheme document. */
export const schemeDefinitionSchema = z
  .strictObject({
    formatVersion: z.literal(SCHEME_FORMAT_VERSION),
    code: schemeId,
    name: localText,
    description: localText.optional(),
    /** The period one appraisal covers. */
    period: periodKindSchema,
    /**
     * Choices made where the source regulation is ambiguous, in plain words: a note HR typed in one language,
     * or one in English and Chinese (the templates ship both, so a Chinese console never shows English notes).
     */
    notes: z.array(z.union([z.string().min(1), localText])),
    /** weighted: total = sum of section score x weight / 100; sum: total = sum of section scores. */
    sectionWeighting: z.enum(['weighted', 'sum']),
    sections: z.array(sectionSchema).min(1),
    adjustments: z.strictObject({
      rules: z.array(adjustmentRuleSchema),
      /** Caps on the points all rules together may add or take away. */
      caps: z.strictObject({ maxBonus: decimalText.optional(), maxPenalty: decimalText.optional() }),
      /** Money per working hour, converting hour penalties and rewards. */
      hourRate: decimalText.optional(),
      /** True: a supervisor of the appraised person's line may add and remove entries too (otherwise HR only). */
      lineSupervisorEntry: z.boolean().optional(),
    }),
    /** Bounds applied to the total after adjustments (and the final formula). */
    total: z.strictObject({ floor: decimalText.optional(), cap: decimalText.optional() }),
    /** Score rounding, stated once: places, mode and the steps where it applies. */
    rounding: z.strictObject({
      places: z.number().int().min(0).max(10),
      mode: roundingModeSchema,
      applyAt: z.array(z.enum(['item', 'rater', 'section', 'total', 'rollup'])),
    }),
    /** Optional final-score formula over section ids, `weighted`, `adjustments` and declared inputs. */
    finalFormula: z.strictObject({ expression: z.string().min(1), inputs: z.array(schemeId) }).optional(),
    rollups: z.array(rollupSchema),
    grades: z
      .strictObject({
        /** Bands listed best first; together they cover [min, max] without gap or overlap. */
        bands: z.array(gradeBandSchema).min(1),
        rules: z.array(gradeRuleSchema),
      })
      .optional(),
    distribution: distributionSchema.optional(),
    pay: z.array(payComponentSchema),
    eligibility: eligibilityRuleSchema.optional(),
    /** Phase windows of cycles on the work calendar; optional, defaults apply. */
    schedule: scheduleSchema.optional(),
    /** Visibility of results and ratings to supervisors and the appraised employee; optional, defaults apply. */
    visibility: visibilitySchema.optional(),
    /** Appeal window and response time in working days; optional, defaults apply. */
    appeals: appealSettingsSchema.optional(),
  })
  .meta({ title: 'Appraisal scheme', description: 'An appraisal form template: sections, raters, items, adjustments, grades, quotas, pay, formulas, eligibility' });

/** A scheme document as stored and validated. */
export type SchemeDefinition = z.infer<typeof schemeDefinitionSchema>;
export type SchemeSection = z.infer<typeof sectionSchema>;
export type SchemeItem = z.infer<typeof itemSchema>;
export type ScoringMethod = z.infer<typeof scoringMethodSchema>;
export type AdjustmentRule = z.infer<typeof adjustmentRuleSchema>;
export type GradeBand = z.infer<typeof gradeBandSchema>;
export type GradeRule = z.infer<typeof gradeRuleSchema>;
export type Quota = z.infer<typeof quotaSchema>;
export type DistributionRule = z.infer<typeof distributionSchema>;
export type Rollup = z.infer<typeof rollupSchema>;
export type PayComponent = z.infer<typeof payComponentSchema>;
export type CompletionLevel = z.infer<typeof completionLevelSchema>;
export type GroupInput = z.infer<typeof groupInputSchema>;
export type RaterRole = z.infer<typeof raterRoleSchema>;
export type MissingRaterPolicy = z.infer<typeof missingRaterPolicySchema>;
export type LocalText = z.infer<typeof localText>;
export type PeriodKindName = z.infer<typeof periodKindSchema>;
export type RollupSource = z.infer<typeof rollupSourceSchema>;
export type RollupMissingPolicy = z.infer<typeof rollupMissingSchema>;
export type CyclePhaseName = z.infer<typeof cyclePhaseSchema>;
export type PhasePoint = z.infer<typeof phasePointSchema>;
export type PhaseWindowSpec = z.infer<typeof phaseWindowSchema>;
export type SchedulePeriod = z.infer<typeof schedulePeriodSchema>;
export type SchemeSchedule = z.infer<typeof scheduleSchema>;
export type SchemeVisibility = z.infer<typeof visibilitySchema>;
export type AppealSettings = z.infer<typeof appealSettingsSchema>;

/** One interpretation note of a scheme: plain text in the language HR typed it, or English and Chinese. */
export type SchemeNote = SchemeDefinition['notes'][number];

/** A note in the reader's language (a plain-text note reads the same in both). */
export function noteText(note: SchemeNote, lang: 'en' | 'zh'): string {
  return typeof note === 'string' ? note : note[lang];
}
