import { fixedNum, plainNum, type Num } from './fixed.js';

/**
 * A column of exact decimals for bulk runs (one row per appraisal): the fixed-point values (decimal x
 * 10^6, safe integers, so a double holds each exactly) in a Float64Array, and the rare value that does
 * not fit that form (a Big or a Decimal) beside it, keyed by row, with NaN in its place.
 * 100,000 rows take 800 kB, instead of 100,000 strings or objects on the heap.
 * Example: const c = new NumColumn(2); c.set(0, 1_500_000); c.text(0) -> '1.5'
 */
export class NumColumn {
  /** Fixed-point values; NaN where the row's value is held in `exact`. */
  readonly fixed: Float64Array;
  // Row-indexed, made on the first value that needs it (a plain array: far cheaper than a Map of rows).
  private exact: (Num | undefined)[] | undefined = undefined;
  private exactRows = 0;

  constructor(readonly size: number) {
    this.fixed = new Float64Array(size);
  }

  /** Stores a row's value. Example: column.set(3, parseNum('92.5') ?? 0) */
  set(row: number, value: Num): void {
    if (!(row >= 0 && row < this.size)) throw new RangeError(`row ${row} is outside the column`);
    const before = this.fixed[row] ?? 0;
    // NaN (the one value unequal to itself) marks a row whose value is held in `exact`. The common case
    // (a number over a number) stays small enough to be inlined into bulk loops.
    if (typeof value === 'number' && before === before) this.fixed[row] = value;
    else this.setSlow(row, value, before !== before);
  }

  private setSlow(row: number, value: Num, wasExact: boolean): void {
    if (typeof value === 'number') {
      if (wasExact && this.exact) {
        this.exact[row] = undefined;
        this.exactRows--;
      }
      this.fixed[row] = value;
      return;
    }
    if (!this.exact) {
      // Filled by push: a packed array (new Array(size) of this size would be a slow dictionary).
      const exact: (Num | undefined)[] = [];
      for (let i = 0; i < this.size; i++) exact.push(undefined);
      this.exact = exact;
    }
    if (!wasExact) this.exactRows++;
    this.fixed[row] = Number.NaN;
    this.exact[row] = value;
  }

  /** A row's exact value (0 for rows never set). Example: column.get(3) -> 92_500_000 */
  get(row: number): Num {
    const v = this.fixed[row] ?? 0;
    return v === v ? v : (this.exact?.[row] ?? 0);
  }

  /** True when every row fits the fixed-point form (bulk code can then compare the doubles directly). Example: column.allFixed -> true */
  get allFixed(): boolean {
    return this.exactRows === 0;
  }

  /** A row's value as plain text, as the result objects print it. Example: column.text(3) -> '92.5' */
  text(row: number): string {
    return plainNum(this.get(row));
  }

  /** A row's value with fixed places (money). Example: column.fixedText(3, 2) -> '92.50' */
  fixedText(row: number, places: number): string {
    return fixedNum(this.get(row), places);
  }
}
