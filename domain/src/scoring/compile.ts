import { Decimal, dec } from '../decimal.js';
import type { Checked } from '../issues.js';
import { parseFormula, type ParsedFormula } from '../formula/index.js';
import { compileBands, type CompiledBand } from '../distribution/grade.js';
import {
  validateScheme,
  type AdjustmentRule,
  type RaterRole,
  type SchemeDefinition,
  type SchemeItem,
  type SchemeSection,
} from '../scheme/index.js';

/** An item with its numbers parsed and its formula compiled. */
export interface CompiledItem {
  readonly item: SchemeItem;
  readonly max: Decimal;
  readonly weight: Decimal;
  readonly passMark?: Decimal;
  readonly formula?: ParsedFormula;
  readonly deductions?: ReadonlyMap<string, Decimal>;
  readonly levels?: ReadonlyMap<string, Decimal>;
  /** Parsed method bounds: range [min, max], deduction floor, pass/fail points. */
  readonly low: Decimal;
  readonly high: Decimal;
}

/** A section with parsed weights and the factor that maps summed item points to the section scale. */
export interface CompiledSection {
  readonly section: SchemeSection;
  readonly weight: Decimal;
  readonly items: readonly CompiledItem[];
  readonly raters: readonly { role: RaterRole; weight: Decimal; weightText: string }[];
  /** weight / 100, so the weighted total takes one multiplication per section. */
  readonly fraction: Decimal;
  readonly scaled: boolean;
  /** Multiplier applied to summed item points (normalizeTo / full marks), 1 when not normalised. */
  readonly scale: Decimal;
  readonly itemIds: ReadonlySet<string>;
  readonly raterRoles: ReadonlySet<RaterRole>;
}

/**
 * A validated scheme prepared for scoring many appraisals: numbers parsed and formulas compiled once
 * (the hot path of a 100,000-appraisal run never re-reads strings or re-parses formulas).
 */
export interface CompiledScheme {
  readonly scheme: SchemeDefinition;
  readonly sections: readonly CompiledSection[];
  readonly sectionById: ReadonlyMap<string, CompiledSection>;
  readonly itemById: ReadonlyMap<string, { section: CompiledSection; item: CompiledItem }>;
  readonly adjustmentById: ReadonlyMap<string, AdjustmentRule>;
  readonly finalFormula?: ParsedFormula;
  readonly rollups: ReadonlyMap<string, ParsedFormula>;
  readonly bands?: readonly CompiledBand[];
  readonly floor?: Decimal;
  readonly cap?: Decimal;
  /** Adjustment amounts parsed: fixed value, or range [min, max]; and the per-rule cap. */
  readonly adjustmentAmounts: ReadonlyMap<string, { fixed?: Decimal; min: Decimal; max: Decimal; cap?: Decimal }>;
}

const ZERO = new Decimal(0);

function mustParse(source: string): ParsedFormula {
  const r = parseFormula(source);
  // validateScheme has already parsed every formula, so this only fails if compile is misused.
  if (!r.ok) throw new RangeError(`formula did not parse: ${source}`);
  return r.value;
}

function bounds(item: SchemeItem): { low: Decimal; high: Decimal } {
  const m = item.method;
  switch (m.kind) {
    case 'range':
      return { low: dec(m.min), high: dec(m.max) };
    case 'deduction':
      return { low: dec(m.floor), high: dec(item.maxPoints) };
    case 'passFail':
      return { low: dec(m.failPoints), high: dec(m.passPoints) };
    default:
      return { low: ZERO, high: dec(item.maxPoints) };
  }
}

function compileItem(item: SchemeItem): CompiledItem {
  const m = item.method;
  return {
    ...bounds(item),
    item,
    max: dec(item.maxPoints),
    weight: item.weight === undefined ? ZERO : dec(item.weight),
    ...(item.passMark === undefined ? {} : { passMark: dec(item.passMark) }),
    ...(m.kind === 'formula' ? { formula: mustParse(m.expression) } : {}),
    ...(m.kind === 'deduction' ? { deductions: new Map(m.rules.map((r) => [r.id, dec(r.points)])) } : {}),
    ...(m.kind === 'rubric' ? { levels: new Map(m.levels.map((l) => [l.code, dec(l.points)])) } : {}),
  };
}

function compileSection(section: SchemeSection): CompiledSection {
  const items = section.items.map(compileItem);
  const full = items.reduce((s, i) => s.plus(i.max), ZERO);
  const scale = section.itemWeighting === 'points' && section.normalizeTo !== undefined ? dec(section.normalizeTo).div(full) : new Decimal(1);
  return {
    section,
    weight: section.weight === undefined ? ZERO : dec(section.weight),
    items,
    raters: section.raters.map((r) => ({ role: r.role, weight: dec(r.weight), weightText: dec(r.weight).toFixed() })),
    fraction: section.weight === undefined ? ZERO : dec(section.weight).div(100),
    scaled: !scale.eq(1),
    scale,
    itemIds: new Set(section.items.map((i) => i.id)),
    raterRoles: new Set(section.raters.map((r) => r.role)),
  };
}

/**
 * Validates a scheme document and prepares it for scoring.
 * Example: const c = compileScheme(seedPrograms.nursing); if (c.ok) scoreAppraisal(c.value, input)
 */
export function compileScheme(doc: unknown): Checked<CompiledScheme> {
  const checked = validateScheme(doc);
  if (!checked.ok) return checked;
  const scheme = checked.value;
  const sections = scheme.sections.map(compileSection);
  const itemById = new Map<string, { section: CompiledSection; item: CompiledItem }>();
  for (const section of sections) for (const item of section.items) itemById.set(item.item.id, { section, item });
  return {
    ok: true,
    value: {
      scheme,
      sections,
      sectionById: new Map(sections.map((s) => [s.section.id, s])),
      itemById,
      adjustmentById: new Map(scheme.adjustments.rules.map((r) => [r.id, r])),
      ...(scheme.finalFormula ? { finalFormula: mustParse(scheme.finalFormula.expression) } : {}),
      rollups: new Map(scheme.rollups.map((r) => [r.id, mustParse(r.formula)])),
      ...(scheme.grades ? { bands: compileBands(scheme.grades.bands) } : {}),
      ...(scheme.total.floor === undefined ? {} : { floor: dec(scheme.total.floor) }),
      ...(scheme.total.cap === undefined ? {} : { cap: dec(scheme.total.cap) }),
      adjustmentAmounts: new Map(
        scheme.adjustments.rules.map((r) => [
          r.id,
          {
            ...(r.amount.kind === 'fixed' ? { fixed: dec(r.amount.value) } : {}),
            min: dec(r.amount.kind === 'fixed' ? r.amount.value : r.amount.min),
            max: dec(r.amount.kind === 'fixed' ? r.amount.value : r.amount.max),
            ...(r.perRuleCap === undefined ? {} : { cap: dec(r.perRuleCap) }),
          },
        ]),
      ),
    },
  };
}
