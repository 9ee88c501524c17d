const DECIMAL = /^-?\d+(\.\d+)?$/;

export const isDecimal = (text: string | undefined): text is string => text !== undefined && DECIMAL.test(text.trim());

/**
 * Exact sum of decimal strings for the live weight totals (scaled BigInt, never binary floating point).
 * Example: sumDecimals(['33.3', '33.3', '33.4']) -> { sum: '100', complete: true }
 */
export const sumDecimals = (values: readonly (string | undefined)[]): { sum: string; complete: boolean } => {
  const valid = values.filter(isDecimal).map((v) => v.trim());
  const places = Math.max(0, ...valid.map((v) => (v.includes('.') ? v.length - v.indexOf('.') - 1 : 0)));
  const scale = 10n ** BigInt(places);
  let total = 0n;
  for (const v of valid) {
    const negative = v.startsWith('-');
    const [whole = '0', fraction = ''] = (negative ? v.slice(1) : v).split('.');
    const scaled = BigInt(whole) * scale + BigInt((fraction + '0'.repeat(places)).slice(0, places) || '0');
    total += negative ? -scaled : scaled;
  }
  const negative = total < 0n;
  const abs = negative ? -total : total;
  const whole = (abs / scale).toString();
  const fraction = places > 0 ? (abs % scale).toString().padStart(places, '0').replace(/0+$/, '') : '';
  return { sum: `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`, complete: valid.length === values.length };
};

export const isHundred = (sum: string): boolean => sum === '100';
