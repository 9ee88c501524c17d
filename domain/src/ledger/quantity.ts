// Exact quantities of the ledger: points, working hours and money all have at most two decimals, so every amount
// is an integer number of hundredths. Sums over 10,000-entry batches run on bigint hundredths: exact and fast,
// never binary floating point.

const QUANTITY = /^-?\d{1,12}(\.\d{1,2})?$/;

/** True for a decimal with at most 12 integer digits and 2 decimals, optionally negative. Example: isLedgerQuantity('12.5') -> true */
export function isLedgerQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

/**
 * A ledger quantity in hundredths (cents for money). Throws RangeError on anything else: callers validate first.
 * Example: toHundredths('-40.25') -> -4025n
 */
export function toHundredths(text: string): bigint {
  if (!QUANTITY.test(text)) throw new RangeError(`not a ledger quantity: ${text}`);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

/** Hundredths back to a 2-place decimal string. Example: fromHundredths(-4025n) -> '-40.25' */
export function fromHundredths(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** Normalises a ledger quantity to 2 places. Example: normalizeQuantity('7') -> '7.00' */
export function normalizeQuantity(text: string): string {
  return fromHundredths(toHundredths(text));
}

/** The exact sum of quantities. Example: sumQuantities(['0.10', '0.20', '-0.05']) -> '0.25' */
export function sumQuantities(values: readonly string[]): string {
  let total = 0n;
  for (const v of values) total += toHundredths(v);
  return fromHundredths(total);
}

/** The quantity with its sign flipped (zero stays '0.00'). Example: negateQuantity('30.00') -> '-30.00' */
export function negateQuantity(text: string): string {
  return fromHundredths(-toHundredths(text));
}

/** Compares two quantities exactly. Example: compareQuantities('7', '7.00') -> 0 */
export function compareQuantities(a: string, b: string): -1 | 0 | 1 {
  const x = toHundredths(a);
  const y = toHundredths(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
