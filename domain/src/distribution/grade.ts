import { Decimal, dec } from '../decimal.js';
import type { GradeBand } from '../scheme/index.js';

/** A grade band with parsed bounds; `rank` 0 is the best grade. */
export interface CompiledBand {
  readonly grade: string;
  readonly rank: number;
  readonly min: Decimal;
  readonly max: Decimal;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  readonly source: GradeBand;
}

/** Parses bands (listed best first) once so grading many scores does not re-read strings. Example: compileBands(scheme.grades.bands)[0].grade -> 'excellent' */
export function compileBands(bands: readonly GradeBand[]): CompiledBand[] {
  return bands.map((b, rank) => ({
    grade: b.grade,
    rank,
    min: dec(b.min),
    max: dec(b.max),
    minInclusive: b.minInclusive,
    maxInclusive: b.maxInclusive,
    source: b,
  }));
}

function contains(b: CompiledBand, score: Decimal): boolean {
  const lo = score.cmp(b.min);
  const hi = score.cmp(b.max);
  return (b.minInclusive ? lo >= 0 : lo > 0) && (b.maxInclusive ? hi <= 0 : hi < 0);
}

/**
 * The band a score falls in. Scores above the top band take the top grade and below the bottom band the
 * bottom grade, so grading stays monotone even for totals outside the scale.
 * Example: bandForScore(nursingBands, dec('90.5')).grade -> 'excellent'
 */
export function bandForScore(bands: readonly CompiledBand[], score: Decimal): CompiledBand {
  const top = bands[0];
  const bottom = bands[bands.length - 1];
  if (!top || !bottom) throw new RangeError('a grade scale needs at least one band');
  for (const b of bands) if (contains(b, score)) return b;
  return score.gte(top.max) ? top : bottom;
}

/** Writes a band as an interval: `(90, 100]`. Example: describeBand(band) -> '[80, 90]' */
export function describeBand(b: GradeBand): string {
  return `${b.minInclusive ? '[' : '('}${b.min}, ${b.max}${b.maxInclusive ? ']' : ')'}`;
}

/**
 * The grade for a score under bands listed best first.
 * Example: gradeForScore(nursing.grades.bands, '85') -> 'good'
 */
export function gradeForScore(bands: readonly GradeBand[], score: string): string {
  return bandForScore(compileBands(bands), dec(score)).grade;
}
