import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one decimal type of the domain. Scores and money are exact decimals, never binary floats.
 * 40 significant digits leave room for weights x scores x percentages without loss.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/** Rounding modes a scheme may state; named for people, mapped to decimal.js. */
export type RoundingMode = 'halfUp' | 'halfEven' | 'down' | 'up';

const MODES: Record<RoundingMode, DecimalJs.Rounding> = {
  halfUp: DecimalJs.ROUND_HALF_UP,
  halfEven: DecimalJs.ROUND_HALF_EVEN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
};

/** Rounds to `places` decimals with a named mode. Example: roundTo(new Decimal('2.345'), 2, 'halfUp') -> 2.35 */
export function roundTo(value: Decimal, places: number, mode: RoundingMode): Decimal {
  return value.toDecimalPlaces(places, MODES[mode]);
}

/** Parses a decimal string or integer; throws on NaN/Infinity. Example: dec('12.5').plus(1) -> 13.5 */
export function dec(value: string | number | Decimal): Decimal {
  const d = new Decimal(value);
  if (!d.isFinite()) throw new RangeError(`not a finite decimal: ${String(value)}`);
  return d;
}
