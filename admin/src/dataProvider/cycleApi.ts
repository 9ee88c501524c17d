import { describeIssue, messageFor } from '@appraisal/domain/messages';
import { gql, type ApolloClient } from '@apollo/client';
import { HttpError } from 'react-admin';
import { i18nProvider } from '../i18n';
import { toApiError } from './apiErrors';
import { fieldDetails, type FieldDetail } from './graphqlErrors';
import { translateProblem } from './serverMessages';
import type { ImportEmployeesReport } from './orgApi';
import type { Json } from './records';
import { resultCall } from './resultCall';

/** Operations of appraisal cycles, the work calendar and rating (docs/cycles-design.md), for the cycle pages. */
export interface LocalText {
  en: string;
  zh: string;
}

/** A machine-readable reason or problem; the console words it with the domain's message catalog. */
export interface CycleIssue {
  code: string;
  message: string;
  path?: string;
  params?: Record<string, unknown> | null;
}

export interface CalendarYear {
  id: string;
  version: number;
  year: number;
  weekendDays: number[];
  holidays: { from: string; to: string; name: LocalText }[];
  makeUpWorkdays: { date: string; name: LocalText }[];
  accountingMonths: { code: string; name: LocalText; monthStartDay: number }[];
}

export type CalendarYearInput = Omit<CalendarYear, 'id' | 'version'>;

export interface CyclePhase {
  phase: string;
  opens: string;
  closes: string;
  nominalCloses: string;
  postponed: boolean;
  overridden: boolean;
}

/** A cycle as every participant reads it (the version and the rest are HR's). */
export interface CycleSummary {
  id: string;
  name: string;
  nameZh: string | null;
  periodKind: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  state: string;
  phases: CyclePhase[];
  scheme: { id: string; code: string; name: string; nameZh: string | null };
}

export interface CycleDetail extends CycleSummary {
  version: number;
  acknowledgementWorkingDays: number;
  publishedAt: string | null;
  closedAt: string | null;
  launch: { status: string; progress: { total?: number; done?: number; error?: string } | null };
  reopenings: { id: string; window: string; scopeKind: string; until: string; reason: string; createdAt: string }[];
  progress: { appraisals: number; scored: number; ratingsExpected: number; ratingsSubmitted: number; selfReviewsSubmitted: number };
}

export interface PopulationEntry {
  employeeId: string;
  name: string;
  employeeNumber: string;
  status: 'INCLUDED' | 'EXCLUDED';
  manual: string | null;
  reasons: CycleIssue[];
}

export interface PopulationPreview {
  includedCount: number;
  excludedCount: number;
  entries: PopulationEntry[];
  issues: CycleIssue[];
  blocked: CycleIssue[];
}

export interface PublishedScheme {
  id: string;
  code: string;
  name: string;
  nameZh: string | null;
  periodType: string;
  latestVersion: { id: string; number: number } | null;
}

export interface CreateCycleInput {
  schemeVersionId: string;
  name: string;
  nameZh?: string | null;
  period: { kind: string; key?: string | null; date?: string | null; start?: string | null; end?: string | null };
  targetDepartmentIds?: string[];
}

export interface RatingTask {
  id: string;
  version: number;
  state: string;
  section: string;
  role: string;
  submittedAt: string | null;
  appraisal: { id: string; employee: { id: string; name: string; employeeNumber: string }; cycle: CycleSummary };
}

export interface RatingRecord {
  id: string;
  version: number;
  state: string;
  section: string;
  role: string;
  items: Record<string, ItemValue>;
  comment: string | null;
  itemComments: Record<string, string> | null;
  returnReason: string | null;
  rater: { id: string } | null;
}

/** What a rater enters for one item: points, a rubric level, deduction occurrences, formula values or pass/fail. */
export interface ItemValue {
  points?: string;
  level?: string;
  occurrences?: Record<string, number>;
  values?: Record<string, string>;
  passed?: boolean;
}

export interface RatingAppraisal {
  id: string;
  state: string;
  employee: { id: string; name: string; employeeNumber: string };
  cycle: CycleSummary & { schemeVersion: { id: string; document: { json: unknown } } };
  ratings: RatingRecord[];
}

export interface RatingPreview {
  items: Record<string, { points?: string; failed?: boolean }>;
  missing: string[];
  sectionScore: string | null;
  issues: CycleIssue[];
}

export interface RatingFormValues {
  items: Record<string, ItemValue>;
  comment?: string | null;
  itemComments?: Record<string, string> | null;
}

/** One row of a cycle's results (HR). */
export interface ResultRow {
  id: string;
  version: number;
  state: string;
  total: string | null;
  grade: string | null;
  engineGrade: string | null;
  employee: { id: string; name: string; employeeNumber: string; department: { id: string; name: string; nameZh: string | null } | null };
  pay: { total: string } | null;
}

export interface CalibrationGroup {
  groupKey: string;
  groupName: string | null;
  groupNameZh: string | null;
  size: number;
  counts: { grade: string; count: number; percent: string }[];
  violations: CycleIssue[];
  proposal: { appraisalId: string; employeeId: string; rank: number; from: string; to: string }[];
}

export interface CalibrationBoard {
  id: string;
  version: number;
  state: string;
  calibration: CalibrationGroup[];
  schemeVersion: { document: { gradeBands: { grade: string; label: LocalText }[]; quotas: { grade: string; bound: string; percent: string; cumulative: boolean }[] } };
}

/** An appraisal of the signed-in person; the result fields only once published. */
export interface MyAppraisal {
  id: string;
  version: number;
  state: string;
  publishedAt: string | null;
  cycle: CycleSummary;
  result?: MyResult;
}

export interface MyResult {
  id: string;
  version: number;
  state: string;
  total: string | null;
  grade: string | null;
  explanation: string[];
  acknowledgement: { due: string | null; acknowledgedAt: string | null; refusedAt: string | null; refusalReason: string | null; lapsedAt: string | null };
  pay: { total: string; lines: { component: string; amount: string; detail: string | null }[] } | null;
}

/** The employee's own appraisal with what the self-review page needs: the texts, the SELF ratings and the scheme. */
export interface SelfReviewAppraisal {
  id: string;
  version: number;
  state: string;
  selfReview: { achievements?: string; problems?: string; plans?: string } | null;
  selfReviewSubmittedAt: string | null;
  employee: { id: string; name: string; employeeNumber: string };
  cycle: CycleSummary & { schemeVersion: { id: string; document: { json: unknown } } };
  ratings: RatingRecord[];
}

export interface SelfReviewInput {
  achievements?: string;
  problems?: string;
  plans?: string;
  scores?: { section: string; items: Record<string, ItemValue> }[];
}

export interface DepartmentProgress {
  departmentId: string | null;
  departmentName: string | null;
  appraisals: number;
  scored: number;
  ratingsDue: number;
  ratingsDone: number;
  selfReviewsDue: number;
  selfReviewsDone: number;
  acknowledgementsDue: number;
  acknowledged: number;
}

/** Where a cycle stands (HR): phases, progress per department, open and overdue tasks. */
export interface CycleDashboard {
  cycleId: string;
  state: string;
  today: string;
  phases: { phase: string; opens: string; closes: string; status: string; open: number; overdue: number }[];
  total: DepartmentProgress;
  departments: DepartmentProgress[];
  outstanding: { kind: string; open: number; overdue: number; recipients: number }[];
  overdue: { appraisalId: string; kind: string; due: string; daysOverdue: number; subjectName: string; recipient: { id: string; name: string; employeeNumber: string } }[];
  overdueCount: number;
}

export interface ProbationReviewRecord {
  id: string;
  version: number;
  state: string;
  probationStart: string;
  probationEndDate: string;
  outcome: string | null;
  newEndDate: string | null;
  effectiveOn: string | null;
  decisionReason: string | null;
  recommendedOutcome: string | null;
  appraisal: { id: string; state: string } | null;
}

export interface ProbationDue {
  employee: { id: string; name: string; employeeNumber: string; department: { name: string; nameZh: string | null } | null };
  probationEndDate: string;
  daysLeft: number;
  overdue: boolean;
  reviewOpen: boolean;
  review: ProbationReviewRecord | null;
}

export interface DecideProbationInput {
  outcome: 'CONFIRM' | 'EXTEND' | 'TERMINATE';
  newEndDate?: string;
  lastWorkingDay?: string;
  reason?: string;
}

/** One appraisal of a cycle with its rating slots and who holds them (HR's raters panel). */
export interface RaterRow {
  id: string;
  version: number;
  state: string;
  employee: { id: string; name: string; employeeNumber: string };
  ratings: { id: string; version: number; state: string; section: string; role: string; rater: { id: string; name: string; employeeNumber: string } | null }[];
}

export interface RaterChangeInput {
  section: string;
  role: string;
  from?: string | null;
  to: string;
  reason: string;
}

/** A published appraisal of the supervisor's line; the result fields are absent when the scheme hides them from supervisors. */
export interface TeamResult {
  id: string;
  state: string;
  publishedAt: string;
  employee: { id: string; name: string; employeeNumber: string };
  cycle: CycleSummary & { schemeVersion: { document: { gradeBands: { grade: string; label: LocalText }[] } } };
  total?: string | null;
  grade?: string | null;
  hidden: boolean;
}

/** One page of a connection: its rows, the size of the whole list and the cursor to the next page. */
export interface PageOf<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  /** Rows read from the server when the page shows fewer of them. */
  read?: number;
}

/** What the measured-inputs page edits: a person's values of one formula item (ITEM_VALUES) or their pay facts (PAY_FACT). */
export interface MeasuredEntryInput {
  kind: 'ITEM_VALUES' | 'OCCURRENCE' | 'WORK_TICKET' | 'PAY_FACT';
  item?: string | null;
  values?: { name: string; value: string }[] | null;
  rule?: string | null;
  date?: string | null;
  count?: number | null;
  ticket?: string | null;
  hours?: string | null;
  level?: string | null;
  note?: string | null;
}

export interface MeasuredInputRecord extends MeasuredEntryInput {
  id: string;
  importBatchId: string | null;
}

/**
 * One participant of a cycle on the measured-inputs page: their formula item values and pay facts (what the page
 * edits) and how many occurrences and work tickets they have (entered through the sheet).
 */
export interface InputsPerson {
  appraisalId: string;
  state: string;
  employee: { id: string; name: string; employeeNumber: string };
  itemValues: { item: string; values: { name: string; value: string }[] }[];
  payFacts: { name: string; value: string }[];
  occurrences: number;
  tickets: number;
}

/** The import report every sheet import shares, plus the results recomputed from the applied inputs. */
export interface MeasuredImportReport extends ImportEmployeesReport {
  results: number;
}

export interface EmployeeChoice {
  id: string;
  name: string;
  employeeNumber: string;
}

export interface CycleApi {
  workCalendarYears(): Promise<CalendarYear[]>;
  saveWorkCalendarYear(input: CalendarYearInput, version: number | null): Promise<CalendarYear>;
  cycleList(first: number, filter?: Json, after?: string | null): Promise<PageOf<CycleSummary>>;
  cycleDetail(id: string): Promise<CycleDetail>;
  publishedSchemes(): Promise<PublishedScheme[]>;
  createCycle(input: CreateCycleInput): Promise<CycleDetail>;
  previewPopulation(cycleId: string): Promise<PopulationPreview>;
  changePopulation(cycleId: string, version: number, changes: { employeeId: string; action: 'add' | 'remove'; reason: string }[]): Promise<PopulationPreview>;
  launchCycle(id: string, version: number): Promise<CycleDetail>;
  transitionCycle(id: string, version: number, action: string, reason?: string): Promise<CycleDetail>;
  reopenWindow(cycleId: string, input: { window: string; scope: string; until: string; reason: string; appraisalId?: string; ratingId?: string }): Promise<CycleDetail>;
  myRatingTasks(first: number, filter?: Json, after?: string | null): Promise<PageOf<RatingTask>>;
  ratingAppraisal(appraisalId: string): Promise<RatingAppraisal>;
  previewRating(ratingId: string, items: Record<string, ItemValue>): Promise<RatingPreview>;
  saveRating(ratingId: string, version: number, input: RatingFormValues): Promise<RatingRecord>;
  submitRating(ratingId: string, version: number, input: RatingFormValues): Promise<RatingRecord>;
  cycleResults(cycleId: string, filter?: Json, page?: { first: number; after: string | null }): Promise<PageOf<ResultRow>>;
  /** Every result of a cycle (page after page), for a download. */
  allCycleResults(cycleId: string, filter?: Json): Promise<ResultRow[]>;
  calibrationBoard(cycleId: string): Promise<CalibrationBoard>;
  changeGrade(appraisalId: string, version: number, to: string, reason: string): Promise<{ id: string; version: number; grade: string | null }>;
  applyCalibrationProposal(cycleId: string, version: number, groupKey?: string): Promise<{ id: string; version: number }>;
  publishCycle(id: string, version: number, overrideReason?: string): Promise<CycleDetail>;
  closeCycle(id: string, version: number): Promise<CycleDetail>;
  myAppraisals(lang: string): Promise<MyAppraisal[]>;
  acknowledgeResult(appraisalId: string, version: number): Promise<{ id: string }>;
  refuseAcknowledgement(appraisalId: string, version: number, reason: string): Promise<{ id: string }>;
  selfReviewAppraisal(id: string): Promise<SelfReviewAppraisal>;
  saveSelfReview(appraisalId: string, version: number, input: SelfReviewInput, submit: boolean): Promise<{ id: string; version: number; state: string; selfReviewSubmittedAt: string | null }>;
  cycleDashboard(cycleId: string): Promise<CycleDashboard>;
  sendReminders(cycleId: string): Promise<{ items: number; recipients: number; pending: number }>;
  probationsDue(withinDays: number): Promise<ProbationDue[]>;
  startProbationReview(employeeId: string, schemeVersionId: string): Promise<ProbationReviewRecord>;
  decideProbation(id: string, version: number, input: DecideProbationInput): Promise<ProbationReviewRecord>;
  cycleRaters(cycleId: string, after?: string | null): Promise<PageOf<RaterRow> & { sectionNames: Record<string, LocalText> }>;
  returnRating(ratingId: string, version: number, reason: string): Promise<{ id: string; state: string }>;
  changeRater(appraisalId: string, version: number, input: RaterChangeInput): Promise<{ id: string; version: number }>;
  exportCycleResults(cycleId: string, lang: string): Promise<{ fileName: string; contentType: string; contentBase64: string }>;
  /** One page of the line's appraisals (RATERS_PAGE at a time), the published ones with their results. */
  teamResults(myEmployeeId: string | null, after?: string | null): Promise<PageOf<TeamResult>>;
  /** The scheme document of a cycle's pinned version (the measured-inputs page derives its columns from it). */
  cycleScheme(cycleId: string): Promise<{ id: string; version: number; state: string; name: string; nameZh: string | null; json: unknown }>;
  /** One page of a cycle's participants with their measured inputs. */
  cycleInputs(cycleId: string, after: string | null): Promise<PageOf<InputsPerson>>;
  saveMeasuredInputs(input: { cycleId: string; employeeId: string; kinds: string[]; entries: MeasuredEntryInput[] }): Promise<{ entries: MeasuredInputRecord[]; result: string }>;
  importMeasuredInputs(input: { cycleId: string; fileName: string; contentBase64: string; dryRun: boolean }): Promise<MeasuredImportReport>;
  measuredInputTemplate(cycleId: string): Promise<{ fileName: string; contentType: string; contentBase64: string }>;
  searchEmployees(q: string): Promise<EmployeeChoice[]>;
}

const LOCAL = 'en zh';
const YEAR = `id version year weekendDays holidays { from to name { ${LOCAL} } } makeUpWorkdays { date name { ${LOCAL} } } accountingMonths { code name { ${LOCAL} } monthStartDay }`;
const PHASES = 'phases { phase opens closes nominalCloses postponed overridden }';
const SUMMARY = `id name nameZh periodKind periodKey periodStart periodEnd state ${PHASES} scheme { id code name nameZh }`;
const DETAIL = `${SUMMARY} version acknowledgementWorkingDays publishedAt closedAt launch { status progress }
  reopenings { id window scopeKind until reason createdAt }
  progress { appraisals scored ratingsExpected ratingsSubmitted selfReviewsSubmitted }`;
const ISSUE = 'code message path params';
const POPULATION = `includedCount excludedCount entries { employeeId name employeeNumber status manual reasons { ${ISSUE} } } issues { ${ISSUE} } blocked { ${ISSUE} }`;
const RATING = 'id version state section role items comment itemComments returnReason rater { id }';
const PROGRESS = 'departmentId departmentName appraisals scored ratingsDue ratingsDone selfReviewsDue selfReviewsDone acknowledgementsDue acknowledged';
const PROBATION = 'id version state probationStart probationEndDate outcome newEndDate effectiveOn decisionReason recommendedOutcome appraisal { id state }';

const PAGE_INFO = 'totalCount pageInfo { endCursor hasNextPage }';
const MEASURED = 'id kind item values { name value } rule date count ticket hours level note importBatchId';

/** Appraisals per page on the long cycle lists: 100 with their ratings stay well under the operation cost limit. */
export const APPRAISALS_PAGE = 100;
/** People per page on the measured-inputs page (each brings their inputs in an aliased field). */
export const INPUTS_PAGE = 25;

const ops = {
  years: gql`query WorkCalendarYears { result: workCalendarYears { ${YEAR} } }`,
  saveYear: gql`mutation SaveWorkCalendarYear($input: WorkCalendarYearInput!, $version: Int) { result: saveWorkCalendarYear(input: $input, version: $version) { ${YEAR} } }`,
  cycles: gql`query Cycles($first: Int!, $after: String, $filter: CycleFilter) { result: cycles(first: $first, after: $after, filter: $filter) { ${PAGE_INFO} nodes { ${SUMMARY} } } }`,
  cycle: gql`query Cycle($id: ID!) { result: cycle(id: $id) { ${DETAIL} } }`,
  schemes: gql`query PublishedSchemes { result: schemes(first: 200) { nodes { id code name nameZh periodType latestVersion { id number } } } }`,
  create: gql`mutation CreateCycle($input: CreateCycleInput!) { result: createCycle(input: $input) { ${DETAIL} } }`,
  population: gql`query PreviewPopulation($cycleId: ID!) { result: previewPopulation(cycleId: $cycleId) { ${POPULATION} } }`,
  changePopulation: gql`mutation ChangePopulation($cycleId: ID!, $version: Int!, $changes: [PopulationChangeInput!]!) { result: changePopulation(cycleId: $cycleId, version: $version, changes: $changes) { ${POPULATION} } }`,
  launch: gql`mutation LaunchCycle($id: ID!, $version: Int!) { result: launchCycle(id: $id, version: $version) { ${DETAIL} } }`,
  transition: gql`mutation TransitionCycle($id: ID!, $version: Int!, $action: CycleAction!, $reason: String) { result: transitionCycle(id: $id, version: $version, action: $action, reason: $reason) { ${DETAIL} } }`,
  reopen: gql`mutation ReopenWindow($cycleId: ID!, $input: ReopenWindowInput!) { result: reopenWindow(cycleId: $cycleId, input: $input) { ${DETAIL} } }`,
  tasks: gql`query MyRatingTasks($first: Int!, $after: String, $filter: RatingTaskFilter) {
    result: myRatingTasks(first: $first, after: $after, filter: $filter) { ${PAGE_INFO} nodes { id version state section role submittedAt appraisal { id employee { id name employeeNumber } cycle { ${SUMMARY} } } } }
  }`,
  ratingAppraisal: gql`query RatingAppraisal($id: ID!) {
    result: appraisal(id: $id) { id state employee { id name employeeNumber } cycle { ${SUMMARY} schemeVersion { id document { json } } } ratings { ${RATING} } }
  }`,
  previewRating: gql`query PreviewRating($ratingId: ID!, $items: JSON!) { result: previewRating(ratingId: $ratingId, items: $items) { items missing sectionScore issues } }`,
  saveRating: gql`mutation SaveRating($ratingId: ID!, $version: Int!, $input: RatingFormInput!) { result: saveRating(ratingId: $ratingId, version: $version, input: $input) { ${RATING} } }`,
  submitRating: gql`mutation SubmitRating($ratingId: ID!, $version: Int!, $input: RatingFormInput!) { result: submitRating(ratingId: $ratingId, version: $version, input: $input) { ${RATING} } }`,
  results: gql`query CycleResults($first: Int!, $after: String, $filter: AppraisalFilter) {
    result: appraisals(first: $first, after: $after, filter: $filter, sort: [{ field: TOTAL, direction: DESC }]) {
      ${PAGE_INFO} nodes { id version state total grade engineGrade employee { id name employeeNumber department { id name nameZh } } pay { total } }
    }
  }`,
  calibration: gql`query CalibrationBoard($id: ID!) {
    result: cycle(id: $id) {
      id version state
      calibration { groupKey groupName groupNameZh size counts { grade count percent } violations { ${ISSUE} } proposal { appraisalId employeeId rank from to } }
      schemeVersion { document { gradeBands { grade label { ${LOCAL} } } quotas { grade bound percent cumulative } } }
    }
  }`,
  changeGrade: gql`mutation ChangeGrade($appraisalId: ID!, $version: Int!, $to: String!, $reason: String!) { result: changeGrade(appraisalId: $appraisalId, version: $version, to: $to, reason: $reason) { id version grade } }`,
  applyProposal: gql`mutation ApplyCalibrationProposal($cycleId: ID!, $version: Int!, $groupKey: String) { result: applyCalibrationProposal(cycleId: $cycleId, version: $version, groupKey: $groupKey) { id version } }`,
  publish: gql`mutation PublishCycle($id: ID!, $version: Int!, $override: PublishOverrideInput) { result: publishCycle(id: $id, version: $version, override: $override) { ${DETAIL} } }`,
  close: gql`mutation CloseCycle($id: ID!, $version: Int!) { result: closeCycle(id: $id, version: $version) { ${DETAIL} } }`,
  myAppraisals: gql`query MyAppraisals { result: myAppraisals(first: 100) { nodes { id version state publishedAt cycle { ${SUMMARY} } } } }`,
  myResult: gql`query MyResult($id: ID!, $lang: String!) {
    result: appraisal(id: $id) {
      id version state total grade explanation(lang: $lang)
      acknowledgement { due acknowledgedAt refusedAt refusalReason lapsedAt }
      pay { total lines { component amount detail } }
    }
  }`,
  acknowledge: gql`mutation AcknowledgeResult($appraisalId: ID!, $version: Int!) { result: acknowledgeResult(appraisalId: $appraisalId, version: $version) { id } }`,
  refuse: gql`mutation RefuseAcknowledgement($appraisalId: ID!, $version: Int!, $reason: String!) { result: refuseAcknowledgement(appraisalId: $appraisalId, version: $version, reason: $reason) { id } }`,
  selfReviewAppraisal: gql`query SelfReviewAppraisal($id: ID!) {
    result: appraisal(id: $id) { id version state selfReview selfReviewSubmittedAt employee { id name employeeNumber } cycle { ${SUMMARY} schemeVersion { id document { json } } } ratings { ${RATING} } }
  }`,
  saveSelfReview: gql`mutation SaveSelfReview($appraisalId: ID!, $version: Int!, $input: SelfReviewInput!) { result: saveSelfReview(appraisalId: $appraisalId, version: $version, input: $input) { id version state selfReviewSubmittedAt } }`,
  submitSelfReview: gql`mutation SubmitSelfReview($appraisalId: ID!, $version: Int!, $input: SelfReviewInput!) { result: submitSelfReview(appraisalId: $appraisalId, version: $version, input: $input) { id version state selfReviewSubmittedAt } }`,
  dashboard: gql`query CycleDashboard($cycleId: ID!) {
    result: cycleDashboard(cycleId: $cycleId) {
      cycleId state today overdueCount
      phases { phase opens closes status open overdue }
      total { ${PROGRESS} }
      departments { ${PROGRESS} }
      outstanding { kind open overdue recipients }
      overdue { appraisalId kind due daysOverdue subjectName recipient { id name employeeNumber } }
    }
  }`,
  sendReminders: gql`mutation SendReminders($cycleId: ID!) { result: sendReminders(cycleId: $cycleId) { items recipients pending } }`,
  probationsDue: gql`query ProbationsDue($withinDays: Int!) {
    result: probationsDue(withinDays: $withinDays) { probationEndDate daysLeft overdue reviewOpen employee { id name employeeNumber department { name nameZh } } review { ${PROBATION} } }
  }`,
  startProbation: gql`mutation StartProbationReview($input: StartProbationReviewInput!) { result: startProbationReview(input: $input) { ${PROBATION} } }`,
  decideProbation: gql`mutation DecideProbation($id: ID!, $version: Int!, $input: DecideProbationInput!) { result: decideProbation(id: $id, version: $version, input: $input) { ${PROBATION} } }`,
  raters: gql`query CycleRaters($cycleId: ID!, $first: Int!, $after: String) {
    result: appraisals(first: $first, after: $after, filter: { cycleId: $cycleId }) { ${PAGE_INFO} nodes { id version state employee { id name employeeNumber } ratings { id version state section role rater { id name employeeNumber } } } }
    scheme: cycle(id: $cycleId) { id schemeVersion { id document { json } } }
  }`,
  returnRating: gql`mutation ReturnRating($ratingId: ID!, $version: Int!, $reason: String!) { result: returnRating(ratingId: $ratingId, version: $version, reason: $reason) { id state } }`,
  changeRater: gql`mutation ChangeRater($appraisalId: ID!, $version: Int!, $input: RaterChangeInput!) { result: changeRater(appraisalId: $appraisalId, version: $version, input: $input) { id version } }`,
  exportResults: gql`query ExportCycleResults($cycleId: ID!, $lang: String!) { result: exportCycleResults(cycleId: $cycleId, lang: $lang) { fileName contentType contentBase64 } }`,
  team: gql`query TeamAppraisals($first: Int!, $after: String) {
    result: appraisals(first: $first, after: $after) { ${PAGE_INFO} nodes { id state publishedAt total grade employee { id name employeeNumber } cycle { ${SUMMARY} schemeVersion { id document { gradeBands { grade label { ${LOCAL} } } } } } } }
  }`,
  cycleScheme: gql`query CycleScheme($id: ID!) { result: cycle(id: $id) { id version state name nameZh schemeVersion { id document { json } } } }`,
  inputPeople: gql`query CycleInputPeople($cycleId: ID!, $first: Int!, $after: String) {
    result: appraisals(first: $first, after: $after, filter: { cycleId: $cycleId }) { ${PAGE_INFO} nodes { id state employee { id name employeeNumber } } }
  }`,
  personInputs: gql`query PersonInputs($cycleId: ID!, $employeeId: ID!) {
    values: measuredInputs(first: 50, filter: { cycleId: $cycleId, employeeId: $employeeId, kind: ITEM_VALUES }) { nodes { item values { name value } } }
    facts: measuredInputs(first: 1, filter: { cycleId: $cycleId, employeeId: $employeeId, kind: PAY_FACT }) { nodes { values { name value } } }
    occurrences: measuredInputs(first: 1, filter: { cycleId: $cycleId, employeeId: $employeeId, kind: OCCURRENCE }) { totalCount }
    tickets: measuredInputs(first: 1, filter: { cycleId: $cycleId, employeeId: $employeeId, kind: WORK_TICKET }) { totalCount }
  }`,
  saveInputs: gql`mutation SaveMeasuredInputs($input: SaveMeasuredInputsInput!) { result: saveMeasuredInputs(input: $input) { result entries { ${MEASURED} } } }`,
  importInputs: gql`mutation ImportMeasuredInputs($input: ImportMeasuredInputsInput!) {
    result: importMeasuredInputs(input: $input) { dryRun totalRows validRows applied created updated results errors { row field column code message params } }
  }`,
  inputTemplate: gql`query MeasuredInputTemplate($cycleId: ID!) { result: measuredInputTemplate(cycleId: $cycleId) { fileName contentType contentBase64 } }`,
  employees: gql`query EmployeeChoices($q: String) { result: employees(first: 20, filter: { q: $q, active: true }) { nodes { id name employeeNumber } } }`,
};

const graphQLErrorsOf = (value: unknown): unknown[] => {
  const errors = typeof value === 'object' && value !== null ? (value as { graphQLErrors?: unknown }).graphQLErrors : undefined;
  return Array.isArray(errors) ? errors : [];
};

/**
 * One broken rule in the console language: a domain issue code by the domain's message catalog, any other rule
 * (`required`, `range`, `max_length`...) by the console's own rule messages, like every form; the server's English
 * message only when neither has words for it (a Chinese reader saw raw English before).
 */
export const describeProblem = (detail: FieldDetail, locale: string): string => {
  const issue = { code: detail.rule ?? '', message: detail.message, params: detail.params ?? {} };
  return messageFor(issue) ? describeIssue(issue, locale) : translateProblem(detail);
};

/**
 * A refused cycle operation in the console language: each broken rule worded by describeProblem, the rest as every
 * other call (CONFLICT, FORBIDDEN...).
 */
export const cycleError = (error: unknown): unknown => {
  const mapped = toApiError(error);
  const details = graphQLErrorsOf(error).flatMap((e) => fieldDetails(e as Parameters<typeof fieldDetails>[0]));
  if (details.length === 0 || !(mapped instanceof HttpError)) return mapped;
  const locale = i18nProvider.getLocale();
  const message = details.map((d) => describeProblem(d, locale)).join(' ');
  return new HttpError(message, mapped.status, mapped.body);
};

export const createCycleApi = (client: ApolloClient<unknown>): CycleApi => {
  const call = resultCall(client, cycleError);
  return {
    workCalendarYears: () => call('query', ops.years),
    saveWorkCalendarYear: (input, version) => call('mutation', ops.saveYear, { input, version }),
    cycleList: (first, filter, after) => call('query', ops.cycles, { first, filter, after: after ?? null }),
    cycleDetail: (id) => call('query', ops.cycle, { id }),
    publishedSchemes: async () => (await call<{ nodes: PublishedScheme[] }>('query', ops.schemes)).nodes.filter((s) => s.latestVersion !== null),
    createCycle: (input) => call('mutation', ops.create, { input }),
    previewPopulation: (cycleId) => call('query', ops.population, { cycleId }),
    changePopulation: (cycleId, version, changes) => call('mutation', ops.changePopulation, { cycleId, version, changes }),
    launchCycle: (id, version) => call('mutation', ops.launch, { id, version }),
    transitionCycle: (id, version, action, reason) => call('mutation', ops.transition, { id, version, action, reason: reason || undefined }),
    reopenWindow: (cycleId, input) => call('mutation', ops.reopen, { cycleId, input }),
    myRatingTasks: (first, filter, after) => call('query', ops.tasks, { first, filter, after: after ?? null }),
    ratingAppraisal: (id) => call('query', ops.ratingAppraisal, { id }),
    previewRating: (ratingId, items) => call('query', ops.previewRating, { ratingId, items }),
    saveRating: (ratingId, version, input) => call('mutation', ops.saveRating, { ratingId, version, input }),
    submitRating: (ratingId, version, input) => call('mutation', ops.submitRating, { ratingId, version, input }),
    cycleResults: (cycleId, filter, page) => call('query', ops.results, { first: page?.first ?? APPRAISALS_PAGE, after: page?.after ?? null, filter: { ...filter, cycleId } }),
    allCycleResults: async (cycleId, filter) => {
      const rows: ResultRow[] = [];
      let after: string | null = null;
      for (;;) {
        const page: PageOf<ResultRow> = await call('query', ops.results, { first: APPRAISALS_PAGE, after, filter: { ...filter, cycleId } });
        rows.push(...page.nodes);
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return rows;
        after = page.pageInfo.endCursor;
      }
    },
    calibrationBoard: (id) => call('query', ops.calibration, { id }),
    changeGrade: (appraisalId, version, to, reason) => call('mutation', ops.changeGrade, { appraisalId, version, to, reason }),
    applyCalibrationProposal: (cycleId, version, groupKey) => call('mutation', ops.applyProposal, { cycleId, version, groupKey }),
    publishCycle: (id, version, overrideReason) => call('mutation', ops.publish, { id, version, override: overrideReason ? { reason: overrideReason } : undefined }),
    closeCycle: (id, version) => call('mutation', ops.close, { id, version }),
    myAppraisals: async (lang) => {
      const list = (await call<{ nodes: MyAppraisal[] }>('query', ops.myAppraisals)).nodes;
      // Result fields are refused before publication: they are read for the published appraisals only.
      return Promise.all(list.map(async (a) => (a.publishedAt ? { ...a, result: await call<MyResult>('query', ops.myResult, { id: a.id, lang }) } : a)));
    },
    acknowledgeResult: (appraisalId, version) => call('mutation', ops.acknowledge, { appraisalId, version }),
    refuseAcknowledgement: (appraisalId, version, reason) => call('mutation', ops.refuse, { appraisalId, version, reason }),
    selfReviewAppraisal: (id) => call('query', ops.selfReviewAppraisal, { id }),
    saveSelfReview: (appraisalId, version, input, submit) => call('mutation', submit ? ops.submitSelfReview : ops.saveSelfReview, { appraisalId, version, input: input as Json }),
    cycleDashboard: (cycleId) => call('query', ops.dashboard, { cycleId }),
    sendReminders: (cycleId) => call('mutation', ops.sendReminders, { cycleId }),
    probationsDue: (withinDays) => call('query', ops.probationsDue, { withinDays }),
    startProbationReview: (employeeId, schemeVersionId) => call('mutation', ops.startProbation, { input: { employeeId, schemeVersionId } }),
    decideProbation: (id, version, input) => call('mutation', ops.decideProbation, { id, version, input: input as unknown as Json }),
    cycleRaters: async (cycleId, after) => {
      try {
        const { data } = await client.query<{ result: PageOf<RaterRow>; scheme: { schemeVersion: { document: { json: { sections?: { id: string; name: LocalText }[] } } } } }>({
          query: ops.raters,
          variables: { cycleId, first: APPRAISALS_PAGE, after: after ?? null },
          fetchPolicy: 'no-cache',
        });
        const sectionNames = Object.fromEntries((data.scheme.schemeVersion.document.json.sections ?? []).map((x) => [x.id, x.name]));
        return { ...data.result, sectionNames };
      } catch (error) {
        throw cycleError(error);
      }
    },
    returnRating: (ratingId, version, reason) => call('mutation', ops.returnRating, { ratingId, version, reason }),
    changeRater: (appraisalId, version, input) => call('mutation', ops.changeRater, { appraisalId, version, input: input as unknown as Json }),
    exportCycleResults: (cycleId, lang) => call('query', ops.exportResults, { cycleId, lang }),
    teamResults: async (me, after) => {
      // One request: a scheme may hide results from supervisors, which refuses `total` and `grade` on those rows
      // (FORBIDDEN at nodes.<i>.total); such a row shows as hidden, not as a failed page. The API allows 20
      // aliases per operation, so the page is one list, not one field per appraisal.
      try {
        const result = await client.query<{ result: PageOf<Omit<TeamResult, 'hidden'>> | null }>({ query: ops.team, variables: { first: APPRAISALS_PAGE, after: after ?? null }, errorPolicy: 'all', fetchPolicy: 'no-cache' });
        const page = result.data?.result;
        if (!page) throw result.error ?? new Error('app.error.bad_response');
        const refused = new Set((result.errors ?? []).map((e) => (e.path?.[0] === 'result' && e.path[1] === 'nodes' && typeof e.path[2] === 'number' ? e.path[2] : -1)));
        const rows = page.nodes.map((a, i) => (refused.has(i) ? { ...a, total: null, grade: null, hidden: true } : { ...a, hidden: false }));
        return { ...page, nodes: rows.filter((a) => a.publishedAt && a.employee.id !== me), read: page.nodes.length };
      } catch (error) {
        throw cycleError(error);
      }
    },
    cycleScheme: async (id) => {
      const c = await call<{ id: string; version: number; state: string; name: string; nameZh: string | null; schemeVersion: { document: { json: unknown } } }>('query', ops.cycleScheme, { id });
      return { id: c.id, version: c.version, state: c.state, name: c.name, nameZh: c.nameZh, json: c.schemeVersion.document.json };
    },
    cycleInputs: async (cycleId, after) => {
      const people = await call<PageOf<{ id: string; state: string; employee: InputsPerson['employee'] }>>('query', ops.inputPeople, { cycleId, first: INPUTS_PAGE, after });
      const shown = people.nodes.filter((p) => p.state !== 'EXCLUDED');
      // Each person's inputs in a request of their own, side by side (the API allows 20 aliases per operation):
      // values of the formula items and pay facts in full, occurrences and tickets counted.
      const nodes = await Promise.all(
        shown.map(async (p): Promise<InputsPerson> => {
          type Values = { name: string; value: string }[];
          type Answer = { values: { nodes: { item: string; values: Values | null }[] }; facts: { nodes: { values: Values | null }[] }; occurrences: { totalCount: number }; tickets: { totalCount: number } };
          try {
            const { data } = await client.query<Answer>({ query: ops.personInputs, variables: { cycleId, employeeId: p.employee.id } });
            return {
              appraisalId: p.id,
              state: p.state,
              employee: p.employee,
              itemValues: data.values.nodes.map((e) => ({ item: e.item, values: e.values ?? [] })),
              payFacts: data.facts.nodes[0]?.values ?? [],
              occurrences: data.occurrences.totalCount,
              tickets: data.tickets.totalCount,
            };
          } catch (error) {
            throw cycleError(error);
          }
        }),
      );
      return { ...people, nodes };
    },
    saveMeasuredInputs: (input) => call('mutation', ops.saveInputs, { input: input as unknown as Json }),
    importMeasuredInputs: (input) => call('mutation', ops.importInputs, { input: input as unknown as Json }),
    measuredInputTemplate: (cycleId) => call('query', ops.inputTemplate, { cycleId }),
    searchEmployees: async (q) => (await call<{ nodes: EmployeeChoice[] }>('query', ops.employees, { q: q || null })).nodes,
  };
};
