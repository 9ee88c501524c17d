import type { DepartmentTotal, LedgerRule, LedgerUnit } from '@appraisal/domain';
import type { AppDataProvider } from '../dataProvider';
import type { EmployeeChoice } from '../dataProvider/cycleApi';

/** Operations of the reward-and-punishment ledger and payout batches (docs/ledger-honors-design.md). */

export type Unit = LedgerUnit;

export interface RuleRow {
  id: string;
  version: number;
  code: string;
  name: string;
  nameZh: string;
  kind: string;
  unit: Unit;
  amount: { kind: string; value: string | null; min: string | null; max: string | null; minExclusive: boolean; text: string };
  caps: Array<{ period: string; maxAmount: string | null; maxCount: number | null }>;
  settlement: string;
  component: string;
  program: string | null;
  active: boolean;
  perOccurrence: boolean;
  hourRate: string | null;
  accountingMonth: string | null;
  regulation: { policyCode: string; clause: string; clauseZh: string } | null;
  document: LedgerRule;
}

export interface EntryRow {
  id: string;
  version: number;
  status: 'PROPOSED' | 'APPROVED' | 'PAID' | 'REJECTED' | 'WITHDRAWN';
  occurredOn: string;
  periodKey: string;
  component: string;
  unit: Unit;
  amount: string;
  money: string | null;
  quantity: string;
  count: number;
  evidence?: string | null;
  explanation: string | null;
  explanationZh: string | null;
  reversedBy: string | null;
  proposedBy: string | null;
  approvedBy: string | null;
  rejectionReason: string | null;
  employee?: { id: string; name: string; employeeNumber: string } | null;
  department: { id: string; name: string; nameZh: string | null } | null;
  rule: { code: string; name: string; nameZh: string } | null;
  source: { kind: string; incidentId: string | null };
  appraisal: { id: string; cycleId: string; cycleName: string; cycleNameZh: string | null; periodKey: string } | null;
  reverses: { id: string; occurredOn: string; amount: string; unit: Unit; status: string } | null;
  batch: { id: string; number: string; status: string } | null;
}

export interface EntryFilter {
  employeeId?: string;
  departmentId?: string;
  ruleCode?: string;
  status?: string;
  sourceKind?: string;
  periodFrom?: string;
  periodTo?: string;
  batchId?: string;
}

export interface Statement {
  employeeId: string;
  from: string;
  to: string;
  totals: Array<{ unit: Unit; opening: string; movement: string; closing: string }>;
  money: { opening: string; movement: string; closing: string };
  entries: EntryRow[];
  pending: EntryRow[];
}

/** A department total as the domain computes it (`departmentTotals`), with the department's code and name. */
export interface TotalRow extends DepartmentTotal {
  departmentCode: string;
  departmentName: string;
}

export interface BatchTotal {
  departmentId: string | null;
  departmentName: string | null;
  component: string | null;
  total: string;
  entries: number;
}

export interface BatchRow {
  id: string;
  version: number;
  number: string;
  periodKey: string;
  accountingMonth: string;
  periodStart: string;
  periodEnd: string;
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'CANCELLED';
  total: string;
  entryCount: number;
  peopleCount: number;
  checksum: string | null;
  preparedBy: string | null;
  approvedBy: string | null;
  returnReason: string | null;
  cancelReason: string | null;
}

export interface BatchDetail extends BatchRow {
  totalsByDepartment: BatchTotal[];
  totalsByComponent: BatchTotal[];
}

/** A person as the employee search returns them (common/PersonPicker). */
export type Person = EmployeeChoice;

export interface Page<T> {
  totalCount: number;
  nodes: T[];
}

/** Rows per page of the long lists (entries of a period, of a batch): well under the API's operation cost limit. */
export const PAGE_SIZE = 25;

const RULE = 'id version code name nameZh kind unit amount { kind value min max minExclusive text } caps { period maxAmount maxCount } settlement component program active perOccurrence hourRate accountingMonth regulation { policyCode clause clauseZh } document';
/** What a list row shows: no nested lists, so a page of 25 costs little. */
export const ENTRY = `id version status occurredOn periodKey component unit amount money quantity count evidence explanation explanationZh reversedBy proposedBy approvedBy rejectionReason
  employee { id name employeeNumber } department { id name nameZh } rule { code name nameZh } source { kind incidentId }
  appraisal { id cycleId cycleName cycleNameZh periodKey } reverses { id occurredOn amount unit status } batch { id number status }`;
/** The approver reads a batch's entries with their amounts and departments, but not the evidence (ledgerEntryAccess) nor the people's records (employee row scope). */
const ENTRY_FOR_APPROVER = ENTRY.replace(' evidence ', ' ').replace('employee { id name employeeNumber } ', '');
const BATCH = 'id version number periodKey accountingMonth periodStart periodEnd status total entryCount peopleCount checksum preparedBy approvedBy returnReason cancelReason';
const TOTAL = 'departmentId departmentName component total entries';

const clean = (filter: EntryFilter): EntryFilter => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as EntryFilter;

export const ledgerOps = {
  rules: (api: AppDataProvider, activeOnly = false) =>
    api.graphql<Page<RuleRow>>('query', `query LedgerRules($f: LedgerRuleFilter) { result: ledgerRules(first: 200, filter: $f) { totalCount nodes { ${RULE} } } }`, { f: activeOnly ? { active: true } : null }),
  saveRule: (api: AppDataProvider, document: LedgerRule, id?: string, version?: number) =>
    api.graphql<RuleRow>('mutation', `mutation SaveLedgerRule($d: JSON!, $id: ID, $v: Int) { result: saveLedgerRule(document: $d, id: $id, version: $v) { ${RULE} } }`, { d: document, id: id ?? null, v: version ?? null }),
  retireRule: (api: AppDataProvider, id: string, version: number) => api.graphql<RuleRow>('mutation', `mutation RetireLedgerRule($id: ID!, $v: Int!) { result: retireLedgerRule(id: $id, version: $v) { ${RULE} } }`, { id, v: version }),
  entries: (api: AppDataProvider, filter: EntryFilter, offset: number, first = PAGE_SIZE) =>
    api.graphql<Page<EntryRow>>('query', `query LedgerEntries($f: LedgerEntryFilter, $first: Int, $offset: Int) { result: ledgerEntries(first: $first, offset: $offset, filter: $f) { totalCount nodes { ${ENTRY} } } }`, {
      f: clean(filter),
      first,
      offset,
    }),
  propose: (api: AppDataProvider, input: Record<string, unknown>) => api.graphql<EntryRow>('mutation', `mutation ProposeLedgerEntry($i: ProposeLedgerEntryInput!) { result: proposeLedgerEntry(input: $i) { ${ENTRY} } }`, { i: input }),
  proposeTeam: (api: AppDataProvider, input: Record<string, unknown>) => api.graphql<EntryRow[]>('mutation', `mutation ProposeTeamIncident($i: ProposeTeamIncidentInput!) { result: proposeTeamIncident(input: $i) { ${ENTRY} } }`, { i: input }),
  approve: (api: AppDataProvider, e: Pick<EntryRow, 'id' | 'version'>) => api.graphql<EntryRow>('mutation', `mutation ApproveLedgerEntry($id: ID!, $v: Int!) { result: approveLedgerEntry(id: $id, version: $v) { ${ENTRY} } }`, { id: e.id, v: e.version }),
  reject: (api: AppDataProvider, e: Pick<EntryRow, 'id' | 'version'>, reason: string) =>
    api.graphql<EntryRow>('mutation', `mutation RejectLedgerEntry($id: ID!, $v: Int!, $r: String!) { result: rejectLedgerEntry(id: $id, version: $v, reason: $r) { ${ENTRY} } }`, { id: e.id, v: e.version, r: reason }),
  reverse: (api: AppDataProvider, id: string, reason: string) => api.graphql<EntryRow>('mutation', `mutation ReverseLedgerEntry($id: ID!, $r: String!) { result: reverseLedgerEntry(id: $id, reason: $r) { ${ENTRY} } }`, { id, r: reason }),
  statement: (api: AppDataProvider, employeeId: string, from: string, to: string) =>
    api.graphql<Statement>('query', `query LedgerStatement($e: ID!, $from: String!, $to: String!) { result: ledgerStatement(employeeId: $e, from: $from, to: $to) { employeeId from to totals { unit opening movement closing } money { opening movement closing } entries { ${ENTRY} } pending { ${ENTRY} } } }`, {
      e: employeeId,
      from,
      to,
    }),
  totals: (api: AppDataProvider, from: string, to: string, departmentId?: string) =>
    api.graphql<TotalRow[]>('query', 'query LedgerTotals($from: String!, $to: String!, $d: ID) { result: ledgerTotals(from: $from, to: $to, departmentId: $d) { departmentId departmentCode departmentName unit component rewards punishments net money entries people } }', {
      from,
      to,
      d: departmentId || null,
    }),
  /** People to pick (HR: anyone; a supervisor: their line, as the API scopes the list). */
  departments: (api: AppDataProvider) => api.graphql<Page<{ id: string; name: string; nameZh: string | null }>>('query', 'query LedgerDepartments { result: departments(first: 200) { totalCount nodes { id name nameZh } } }'),
  policies: (api: AppDataProvider) => api.graphql<Page<{ id: string; code: string }>>('query', 'query LedgerPolicies { result: policies(first: 200) { totalCount nodes { id code } } }'),
  batches: (api: AppDataProvider, status?: string) =>
    api.graphql<Page<BatchRow>>('query', `query PayoutBatches($f: PayoutBatchFilter) { result: payoutBatches(first: 100, filter: $f) { totalCount nodes { ${BATCH} } } }`, { f: status ? { status } : null }),
  batch: (api: AppDataProvider, id: string) =>
    api.graphql<BatchDetail>('query', `query PayoutBatch($id: ID!) { result: payoutBatch(id: $id) { ${BATCH} totalsByDepartment { ${TOTAL} } totalsByComponent { ${TOTAL} } } }`, { id }),
  batchEntries: (api: AppDataProvider, id: string, offset: number, withEvidence: boolean) =>
    api.graphql<{ entries: Page<EntryRow> }>('query', `query PayoutBatchEntries($id: ID!, $offset: Int) { result: payoutBatch(id: $id) { entries(first: ${PAGE_SIZE}, offset: $offset) { totalCount nodes { ${withEvidence ? ENTRY : ENTRY_FOR_APPROVER} } } } }`, { id, offset }),
  createBatch: (api: AppDataProvider, input: { periodKey: string; accountingMonth?: string; includeEarlier?: boolean; departmentIds?: string[] }) =>
    api.graphql<BatchRow>('mutation', `mutation CreatePayoutBatch($i: CreatePayoutBatchInput!) { result: createPayoutBatch(input: $i) { ${BATCH} } }`, { i: input }),
  moveBatch: (api: AppDataProvider, b: Pick<BatchRow, 'id' | 'version'>, action: 'SUBMIT' | 'APPROVE' | 'REJECT' | 'CANCEL', reason?: string) =>
    api.graphql<BatchRow>('mutation', `mutation TransitionPayoutBatch($id: ID!, $v: Int!, $a: PayoutBatchAction!, $r: String) { result: transitionPayoutBatch(id: $id, version: $v, action: $a, reason: $r) { ${BATCH} } }`, {
      id: b.id,
      v: b.version,
      a: action,
      r: reason || null,
    }),
  exportBatch: (api: AppDataProvider, id: string) =>
    api.graphql<{ fileName: string; contentType: string; contentBase64: string; checksum: string; lineCount: number; total: string }>(
      'query',
      'query ExportPayoutBatch($id: ID!) { result: exportPayoutBatch(id: $id) { fileName contentType contentBase64 checksum lineCount total } }',
      { id },
    ),
};
