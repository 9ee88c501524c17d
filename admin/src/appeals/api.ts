/** Appeals as the console reads them (docs/appeals-archives.md); the pages send these documents through the governance call. */

export type AppealState = 'FILED' | 'UNDER_REVIEW' | 'DECIDED' | 'CLOSED' | 'WITHDRAWN';
export type AppealOutcome = 'UPHELD' | 'REJECTED';

export interface AppealFlags {
  overdue: boolean;
  nearDue: boolean;
  workingDaysLeft: number;
}

export interface AppealTarget {
  kind: 'RESULT' | 'LEDGER_ENTRY';
  appraisalId: string | null;
  ledgerEntryId: string | null;
  periodKey: string | null;
}

export interface ResultVersion {
  number: number;
  total: string;
  grade: string | null;
  payTotal: string | null;
}

export interface AppealSummary {
  id: string;
  version: number;
  state: AppealState;
  filedOn: string;
  dueOn: string;
  flags: AppealFlags;
  appellant: string;
  outcome: AppealOutcome | null;
  target: AppealTarget;
}

export const HANDLER_ROLES = ['HANDLER', 'COMMITTEE'] as const;
export type AppealHandlerRole = (typeof HANDLER_ROLES)[number];

export interface AppealAttachment {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface StatementRequest {
  id: string;
  question: string;
  sharedExcerpt: string;
  dueOn: string;
  statement: string | null;
  answeredAt: string | null;
  rater: string;
  createdAt: string;
}

export interface AppealDetail extends AppealSummary {
  windowCloses: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  grounds: string;
  attachments: AppealAttachment[];
  reason: string | null;
  correction: { description?: string; items?: Array<{ section: string; role: string; item: string; value: Record<string, unknown> }>; reverseEntry?: boolean } | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  previousResult: ResultVersion | null;
  newResult: ResultVersion | null;
  notes?: Array<{ id: string; text: string; author: string; createdAt: string }>;
  statements?: StatementRequest[];
  handlers?: Array<{ name: string; role: AppealHandlerRole; assignedAt: string }>;
}

const SUMMARY = 'id version state filedOn dueOn flags { overdue nearDue workingDaysLeft } appellant outcome target { kind appraisalId ledgerEntryId periodKey }';
const VERSION = 'number total grade payTotal';
const DETAIL = `${SUMMARY} windowCloses decidedAt closedAt grounds attachments { name contentType size sha256 } reason correction withdrawnAt withdrawalReason previousResult { ${VERSION} } newResult { ${VERSION} }`;
const HANDLING = 'notes { id text author createdAt } statements { id question sharedExcerpt dueOn statement answeredAt rater createdAt } handlers { name role assignedAt }';

export const APPEALS = `query($f: AppealFilter, $s: [AppealSort!]) { appeals(first: 100, filter: $f, sort: $s) { totalCount nodes { ${SUMMARY} } } }`;
export const DASHBOARD = '{ appealDashboard { open overdue nearDue decided } }';
/** One appeal: handlers (HR) read the handling too; the appellant reads status, contents and decision. */
export const appealQuery = (handling: boolean) => `query($id: ID!) { appeal(id: $id) { ${DETAIL} ${handling ? HANDLING : ''} } }`;
/** What the appealed appraisal was rated with (HR: the correction form and the raters to ask). */
export const APPRAISAL_FOR_APPEAL = `query($id: ID!) { appraisal(id: $id) { id employee { id } ratings { id section role state rater { id name } } } }`;
/** The engine input recorded with each result version (rating items are not readable one by one once the raters are anonymous). */
export const RESULT_INPUTS = `query($e: ID!) { employeeArchive(employeeId: $e, lang: EN) { events { kind relatedId resultNumber inputs } } }`;
export const APPRAISAL_CYCLE = `query($id: ID!) { appraisal(id: $id) { id cycle { id name nameZh } } }`;

const RETURNS = `{ ${DETAIL} }`;
const RETURNS_HANDLING = `{ ${DETAIL} ${HANDLING} }`;
export const FILE = `mutation($i: FileAppealInput!) { fileAppeal(input: $i) ${RETURNS} }`;
export const START = `mutation($id: ID!, $v: Int!) { startAppealReview(id: $id, version: $v) ${RETURNS_HANDLING} }`;
export const NOTE = `mutation($id: ID!, $t: String!) { addAppealNote(id: $id, text: $t) ${RETURNS_HANDLING} }`;
export const ASK = `mutation($id: ID!, $i: StatementRequestInput!) { requestStatement(id: $id, input: $i) ${RETURNS_HANDLING} }`;
export const DECIDE = `mutation($id: ID!, $v: Int!, $d: AppealDecisionInput!) { decideAppeal(id: $id, version: $v, decision: $d) ${RETURNS_HANDLING} }`;
/** HR assigns a handler (a committee member only where the scheme lets the committee handle appeals). */
export const ASSIGN = `mutation($id: ID!, $e: ID!, $r: AppealHandlerRole!) { assignAppealHandler(id: $id, employeeId: $e, role: $r) ${RETURNS_HANDLING} }`;
export const CLOSE = `mutation($id: ID!, $v: Int!) { closeAppeal(id: $id, version: $v) ${RETURNS_HANDLING} }`;
export const WITHDRAW = `mutation($id: ID!, $v: Int!, $r: String!) { withdrawAppeal(id: $id, version: $v, reason: $r) ${RETURNS} }`;
export const MY_STATEMENTS = 'query($a: Boolean) { myStatementRequests(answered: $a) { id question sharedExcerpt dueOn statement answeredAt rater createdAt } }';
export const ANSWER = 'mutation($id: ID!, $s: String!) { answerStatement(id: $id, statement: $s) { id statement answeredAt } }';

/** Open appeals: filed or under review. */
export const isOpen = (state: AppealState): boolean => state === 'FILED' || state === 'UNDER_REVIEW';

/** Hex SHA-256 of a file, for the attachment's metadata (the file itself is not uploaded). */
export const sha256Hex = async (file: Blob): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};
