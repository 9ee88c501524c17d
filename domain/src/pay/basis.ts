/**
 * Why a pay line has its amount, as data: the numbers the rule used. The explanation renders it in either
 * language (domain/src/explain); the English `detail` of a pay line is only a fallback.
 */
export type PayBasis =
  | { kind: 'none' }
  | { kind: 'scoreBand'; base: string; score: string; min: string; max: string; minInclusive: boolean; maxInclusive: boolean; percent: string }
  | { kind: 'grade'; base: string; grade: string; percent: string }
  | { kind: 'dailyWage'; base: string; points: string; pointsPerDay: string; percent: string }
  | { kind: 'floating'; base: string; score: string; average: string; ratio: string; groupSize: number }
  | { kind: 'pool'; pool: string; score: string; totalScore: string; groupSize: number }
  | {
      kind: 'output';
      outputValue: string;
      /** Present when the output value was computed by the component's formula. */
      outputFormula?: { formula: string; inputs: Readonly<Record<string, string>>; exact: string };
      group: string;
      sharePercent: string;
      groupAmount: string;
      /** This person's weight: man-hours x completion, or the sum of ticket hours x level percent. */
      hours: string;
      groupHours: string;
      completion:
        | { by: 'score'; manHours: string; factor: string }
        | { by: 'tickets'; tickets: readonly { hours: string; level: string; percent: string }[] };
    }
  | { kind: 'adjustments'; money: string };
