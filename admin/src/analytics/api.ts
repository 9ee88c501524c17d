import type { AppealStatsRow, CompletionRow, LeniencyRow as DomainLeniencyRow, GradeDistributionRow as DomainGradeRow, HistogramBucket, PayRow as DomainPayRow, TrendPoint } from '@appraisal/domain';
import type { AppDataProvider } from '../dataProvider';

/** What every aggregate covers (`AnalyticsFilter`): cycles, a period range (by period end), a scheme, a department subtree. */
export interface AnalyticsFilter {
  cycleIds?: string[];
  periodFrom?: string;
  periodTo?: string;
  schemeId?: string;
  departmentId?: string;
}

// The rows are the domain's aggregates (domain/src/analytics/aggregates.ts) as the API returns them; only what the
// API adds to them is declared here.
export type { CompletionRow, TrendPoint };
/** A department's grades under one scheme, each grade with the scheme's name for it (English, Chinese). */
export type GradeDistributionRow = Omit<DomainGradeRow, 'grades'> & { grades: Array<DomainGradeRow['grades'][number] & { label: string | null; labelZh: string | null }> };
export type AppealRow = AppealStatsRow;
export interface Histogram {
  buckets: HistogramBucket[];
  outside: number;
}
/** A rater's leniency, with the rater's name the API adds (null when the viewer may not see it). */
export interface LeniencyRow extends DomainLeniencyRow {
  rater: { name: string } | null;
}
/** Pay by department and month; the API withholds a group below the small-group minimum: `suppressed` says why, the sums are null. */
export interface PayRow extends Omit<DomainPayRow, 'pay' | 'rewards' | 'penalties' | 'net'> {
  suppressed: { reason: string; minimum: number } | null;
  pay: string | null;
  rewards: string | null;
  penalties: string | null;
  net: string | null;
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
  gradeDistribution { departmentId schemeId size grades { grade label labelZh count percent } quotas { grade bound percent grades limit actual within } }
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
      'query AnalyticsKeyCharts { result: analytics { gradeDistribution { departmentId schemeId size grades { grade label labelZh count percent } quotas { grade bound percent grades limit actual within } } completion { phase departmentId total done percent overdue late } } }',
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
