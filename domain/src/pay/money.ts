import { dec, roundTo, type Decimal } from '../decimal.js';
import { PayError } from './errors.js';
import type { PayRounding } from './rule.js';

/** Parses a decimal input of a pay computation, turning a bad value into a PayError with its path. Example: payDecimal('900', ['base']) -> Decimal(900) */
export function payDecimal(value: string, path: ReadonlyArray<string | number>): Decimal {
  try {
    return dec(value);
  } catch {
    throw new PayError({ path, code: 'pay_invalid_decimal', message: `${JSON.stringify(value)} is not a decimal number`, params: { value } });
  }
}

/** Parses a value that must not be negative. Example: nonNegative('-1', ['weight']) throws PayError 'pay_negative_value' */
export function nonNegative(value: string, path: ReadonlyArray<string | number>, code = 'pay_negative_value'): Decimal {
  const d = payDecimal(value, path);
  if (d.lt(0)) {
    throw new PayError({ path, code, message: `${value} must not be negative`, params: { value } });
  }
  return d;
}

/** Formats a percentage without trailing zeros and at most 4 places. Example: formatPercent(dec('80.00')) -> '80' */
export function formatPercent(value: Decimal): string {
  // toFixed() without places prints plain notation of the already-normalised digits (no exponent).
  return value.toDecimalPlaces(4).toFixed();
}

/** Rounds money as a rule states and prints at least 2 places, even when a rule rounds to whole yuan. Example: formatMoney(dec('719.996'), { places: 2, mode: 'halfUp' }) -> '720.00' */
export function formatMoney(value: Decimal, rounding: PayRounding): string {
  const r = roundTo(value, rounding.places, rounding.mode);
  return r.toFixed(Math.max(2, rounding.places));
}

/** Rejects duplicate ids, since results are matched back to people by id. Example: assertUniqueIds(['a', 'a'], 'shares') throws PayError 'pay_duplicate_id' */
export function assertUniqueIds(ids: readonly string[], field: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      throw new PayError({ path: [field, i, 'id'], code: 'pay_duplicate_id', message: `id ${id} appears twice`, params: { id } });
    }
    seen.add(id);
  });
}
