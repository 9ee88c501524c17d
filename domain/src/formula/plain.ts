import type { Decimal } from '../decimal.js';

/**
 * Writes a decimal as plain text for public results: no exponent, no negative zero.
 * Example: plain(new Decimal('1e-9')) -> '0.000000001'
 */
export function plain(value: Decimal): string {
  const text = value.toFixed();
  return text === '-0' ? '0' : text;
}
