import type { AppDataProvider } from '../dataProvider';

/** What every aggregate covers (`AnalyticsFilter`): cycles, a period range (by period end), a scheme, a department subtree. */
export interface AnalyticsFilter {
  cycleIds?: string[];
  periodFrom?: string;
  periodTo?: string;
  schemeId?: string;
  departmentId?: string;
}

export interface GradeDistributionRow {
  departmentId: string;
  schemeId: string;
  size: number;
  grades: Array<{ grade: string; count: number; percent: string }>;
  quotas: Array<{ grade: string; bound: string; percent: string; grades: string[]; limit: number; actual: number; within: boolean }>;
}
export interface Histogram {
  buckets: Array<{ from: string; to: string; count: number }>;
  outside: number;
}
export interface TrendPoint {
  cycleId: string;
  periodEnd: string;
  departmentId: string | null;
  n: number;
  average: string | null;
}
export interface LeniencyRow {
  raterId: string;
  departmentId: string;
  ratings: number;
  raterAverage: string;
  departmentAverage: string;
  difference: string;
  rater: { name: string } | null;
}
export interface CompletionRow {
  phase: 'selfReview' | 'rating' | 'acknowledgement';
  departmentId: string | null;
  total: number;
  done: number;
  percent: string;
  overdue: number;
  late: number;
}
export interface PayRow {
  departmentId: string;
  periodKey: string;
  people: number;
  suppressed: { reason: string; minimum: number } | null;
  pay: string | null;
  rewards: string | null;
  penalties: string | null;
  net: string | null;
}
export interface AppealRow {
  departmentId: string | null;
  appraisals: number;
  appeals: number;
  rate: string;
  upheld: number;
  rejected: number;
  withdrawn: number;
  open: number;
  decided: number;
  onTime: number;
  onTimePercent: string;
}

export interface AnalyticsData {
  gradeDistribution: GradeDistributionRow[];
  scoreHistogram: Histogram;
  scoreTrend: TrendPoint[];
  raterLeniency: LeniencyRow[];
  completion: CompletionRow[];
  appeals: AppealRow[];
  pay?: PayRow[];
}

export interface DepartmentRef {
  id: string;
  name: string;
  nameZh: string | null;
  parent: { id: string } | null;
}
export interface CycleRef {
  id: string;
  name: string;
  nameZh: string | null;
  periodKey: string;
  periodEnd: string;
  state: string;
  scheme: { id: string; code: string; name: string; nameZh: string | null };
}

const FIELDS = `
  gradeDistribution { departmentId schemeId size grades { grade count percent } quotas { grade bound percent grades limit actual within } }
  scoreHistogram(min: "0", max: "100", buckets: 10) { buckets { from to count } outside }
  scoreTrend { cycleId periodEnd departmentId n average }
  raterLeniency { raterId departmentId ratings raterAverage departmentAverage difference rater { name } }
  completion { phase departmentId total done percent overdue late }
  appeals { departmentId appraisals appeals rate upheld rejected withdrawn open decided onTime onTimePercent }`;
/** Pay is HR's chart in the console (the API would withhold small groups below HR; the page does not offer it). */
const PAY = 'pay { departmentId periodKey people suppressed { reason minimum } pay rewards penalties net }';

const clean = (f: AnalyticsFilter): AnalyticsFilter => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));

export const analyticsOps = {
  /** Every aggregate under one filter, in one request (each field is one SQL statement on the server). */
  all: (api: AppDataProvider, filter: AnalyticsFilter, withPay: boolean) =>
    api.graphql<AnalyticsData>('query', `query Analytics($f: AnalyticsFilter) { result: analytics(filter: $f) { ${FIELDS} ${withPay ? PAY : ''} } }`, { f: clean(filter) }),
  /** HR's key charts on the dashboard: grades against the quotas and completion. */
  key: (api: AppDataProvider) =>
    api.graphql<Pick<AnalyticsData, 'gradeDistribution' | 'completion'>>(
      'query',
      'query AnalyticsKeyCharts { result: analytics { gradeDistribution { departmentId schemeId size grades { grade count percent } quotas { grade bound percent grades limit actual within } } completion { phase departmentId total done percent overdue late } } }',
    ),
  /** The completion rows alone (the dashboards). */
  completion: (api: AppDataProvider, filter: AnalyticsFilter = {}) =>
    api.graphql<Pick<AnalyticsData, 'completion'>>('query', 'query AnalyticsCompletion($f: AnalyticsFilter) { result: analytics(filter: $f) { completion { phase departmentId total done percent overdue late } } }', { f: clean(filter) }),
  /** Departments (reference data every signed-in person reads): names and the tree for the subtree filter. */
  departments: (api: AppDataProvider) =>
    api.graphql<{ nodes: DepartmentRef[] }>('query', 'query AnalyticsDepartments { result: departments(first: 500) { nodes { id name nameZh parent { id } } } }'),
  /** Cycles the caller may see (HR all; others those they take part in). */
  cycles: (api: AppDataProvider) =>
    api.graphql<{ nodes: CycleRef[] }>('query', 'query AnalyticsCycles { result: cycles(first: 200) { nodes { id name nameZh periodKey periodEnd state scheme { id code name nameZh } } } }'),
};
