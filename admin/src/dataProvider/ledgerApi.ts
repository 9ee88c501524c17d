import { gql, type ApolloClient, type DocumentNode } from '@apollo/client';
import { cycleError } from './cycleApi';
import type { Json } from './records';

/** Operations of the reward-and-punishment ledger and payout batches (docs/ledger-honors-design.md), for the ledger pages. */
export interface LedgerRuleRow {
  id: string;
  code: string;
  name: string;
  nameZh: string;
  kind: string;
  unit: string;
  amount: { kind: string; text: string };
  settlement: string;
  component: string;
  program: string | null;
  active: boolean;
  perOccurrence: boolean;
  regulation: { policyCode: string; clause: string; clauseZh: string } | null;
}

export interface LedgerEntryRow {
  id: string;
  version: number;
  status: string;
  occurredOn: string;
  periodKey: string;
  component: string;
  unit: string;
  amount: string;
  money: string | null;
  evidence: string | null;
  explanation: string | null;
  explanationZh: string | null;
  reversedBy: string | null;
  proposedBy: string | null;
  approvedBy: string | null;
  rejectionReason: string | null;
  employee: { id: string; name: string; employeeNumber: string } | null;
  rule: { code: string; name: string; nameZh: string } | null;
  source: { kind: string; incidentId: string | null; reversesId: string | null };
}

export interface LedgerEntryFilterInput {
  status?: string;
  sourceKind?: string;
  employeeId?: string;
  unit?: string;
  periodFrom?: string;
  periodTo?: string;
  batchId?: string;
}

export interface LedgerStatement {
  totals: { unit: string; opening: string; movement: string; closing: string }[];
  money: { opening: string; movement: string; closing: string };
  entries: LedgerEntryRow[];
  pending: LedgerEntryRow[];
}

export interface LedgerTotalRow {
  departmentCode: string;
  departmentName: string;
  unit: string;
  component: string;
  rewards: string;
  punishments: string;
  net: string;
  money: string;
  entries: number;
  people: number;
}

export interface PayoutBatchTotal {
  departmentCode: string | null;
  departmentName: string | null;
  component: string | null;
  total: string;
  entries: number;
}

export interface PayoutBatchRow {
  id: string;
  version: number;
  number: string;
  periodKey: string;
  accountingMonth: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  total: string;
  entryCount: number;
  peopleCount: number;
  checksum: string | null;
  preparedBy: string | null;
  approvedBy: string | null;
  returnReason: string | null;
  totalsByDepartment: PayoutBatchTotal[];
  totalsByComponent: PayoutBatchTotal[];
}

export interface PersonOption {
  id: string;
  name: string;
  employeeNumber: string;
}

export interface LedgerApi {
  ledgerRules(): Promise<LedgerRuleRow[]>;
  ledgerEntries(filter: LedgerEntryFilterInput): Promise<{ totalCount: number; nodes: LedgerEntryRow[] }>;
  proposeLedgerEntry(input: Json): Promise<LedgerEntryRow>;
  proposeTeamIncident(input: Json): Promise<LedgerEntryRow[]>;
  approveLedgerEntry(id: string, version: number): Promise<LedgerEntryRow>;
  rejectLedgerEntry(id: string, version: number, reason: string): Promise<LedgerEntryRow>;
  reverseLedgerEntry(id: string, reason: string): Promise<LedgerEntryRow>;
  ledgerStatement(employeeId: string, from: string, to: string): Promise<LedgerStatement>;
  ledgerTotals(from: string, to: string): Promise<LedgerTotalRow[]>;
  ledgerPeople(q: string): Promise<PersonOption[]>;
  payoutBatches(): Promise<PayoutBatchRow[]>;
  createPayoutBatch(input: Json): Promise<PayoutBatchRow>;
  transitionPayoutBatch(id: string, version: number, action: 'SUBMIT' | 'APPROVE' | 'REJECT' | 'CANCEL', reason?: string): Promise<PayoutBatchRow>;
  exportPayoutBatch(id: string): Promise<{ fileName: string; contentType: string; contentBase64: string; checksum: string }>;
}

const ENTRY = `id version status occurredOn periodKey component unit amount money evidence explanation explanationZh reversedBy proposedBy approvedBy rejectionReason
  employee { id name employeeNumber } rule { code name nameZh } source { kind incidentId reversesId }`;
const BATCH = `id version number periodKey accountingMonth periodStart periodEnd status total entryCount peopleCount checksum preparedBy approvedBy returnReason
  totalsByDepartment { departmentCode departmentName component total entries } totalsByComponent { departmentCode departmentName component total entries }`;

const ops = {
  rules: gql`query LedgerRules { result: ledgerRules(first: 500) { nodes { id code name nameZh kind unit amount { kind text } settlement component program active perOccurrence regulation { policyCode clause clauseZh } } } }`,
  entries: gql`query LedgerEntries($filter: LedgerEntryFilter) { result: ledgerEntries(first: 200, filter: $filter) { totalCount nodes { ${ENTRY} } } }`,
  propose: gql`mutation ProposeLedgerEntry($input: ProposeLedgerEntryInput!) { result: proposeLedgerEntry(input: $input) { ${ENTRY} } }`,
  team: gql`mutation ProposeTeamIncident($input: ProposeTeamIncidentInput!) { result: proposeTeamIncident(input: $input) { ${ENTRY} } }`,
  approve: gql`mutation ApproveLedgerEntry($id: ID!, $version: Int!) { result: approveLedgerEntry(id: $id, version: $version) { ${ENTRY} } }`,
  reject: gql`mutation RejectLedgerEntry($id: ID!, $version: Int!, $reason: String!) { result: rejectLedgerEntry(id: $id, version: $version, reason: $reason) { ${ENTRY} } }`,
  reverse: gql`mutation ReverseLedgerEntry($id: ID!, $reason: String!) { result: reverseLedgerEntry(id: $id, reason: $reason) { ${ENTRY} } }`,
  statement: gql`query LedgerStatement($employeeId: ID!, $from: String!, $to: String!) { result: ledgerStatement(employeeId: $employeeId, from: $from, to: $to) { totals { unit opening movement closing } money { opening movement closing } entries { ${ENTRY} } pending { ${ENTRY} } } }`,
  totals: gql`query LedgerTotals($from: String!, $to: String!) { result: ledgerTotals(from: $from, to: $to) { departmentCode departmentName unit component rewards punishments net money entries people } }`,
  people: gql`query LedgerPeople($q: String) { result: employees(first: 20, filter: { q: $q, active: true }) { nodes { id name employeeNumber } } }`,
  batches: gql`query PayoutBatches { result: payoutBatches(first: 100) { nodes { ${BATCH} } } }`,
  createBatch: gql`mutation CreatePayoutBatch($input: CreatePayoutBatchInput!) { result: createPayoutBatch(input: $input) { ${BATCH} } }`,
  moveBatch: gql`mutation TransitionPayoutBatch($id: ID!, $version: Int!, $action: PayoutBatchAction!, $reason: String) { result: transitionPayoutBatch(id: $id, version: $version, action: $action, reason: $reason) { ${BATCH} } }`,
  exportBatch: gql`query ExportPayoutBatch($id: ID!) { result: exportPayoutBatch(id: $id) { fileName contentType contentBase64 checksum } }`,
};

export const createLedgerApi = (client: ApolloClient<unknown>): LedgerApi => {
  const call = async <T>(kind: 'query' | 'mutation', document: DocumentNode, variables: Json = {}): Promise<T> => {
    try {
      const result = kind === 'query' ? await client.query<{ result: T }>({ query: document, variables }) : await client.mutate<{ result: T }>({ mutation: document, variables });
      if (!result.data) throw new Error('app.error.bad_response');
      return result.data.result;
    } catch (error) {
      throw cycleError(error);
    }
  };
  return {
    ledgerRules: async () => (await call<{ nodes: LedgerRuleRow[] }>('query', ops.rules)).nodes,
    ledgerEntries: (filter) => call('query', ops.entries, { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as Json }),
    proposeLedgerEntry: (input) => call('mutation', ops.propose, { input }),
    proposeTeamIncident: (input) => call('mutation', ops.team, { input }),
    approveLedgerEntry: (id, version) => call('mutation', ops.approve, { id, version }),
    rejectLedgerEntry: (id, version, reason) => call('mutation', ops.reject, { id, version, reason }),
    reverseLedgerEntry: (id, reason) => call('mutation', ops.reverse, { id, reason }),
    ledgerStatement: (employeeId, from, to) => call('query', ops.statement, { employeeId, from, to }),
    ledgerTotals: (from, to) => call('query', ops.totals, { from, to }),
    ledgerPeople: async (q) => (await call<{ nodes: PersonOption[] }>('query', ops.people, { q })).nodes,
    payoutBatches: async () => (await call<{ nodes: PayoutBatchRow[] }>('query', ops.batches)).nodes,
    createPayoutBatch: (input) => call('mutation', ops.createBatch, { input }),
    transitionPayoutBatch: (id, version, action, reason) => call('mutation', ops.moveBatch, { id, version, action, reason: reason || undefined }),
    exportPayoutBatch: (id) => call('query', ops.exportBatch, { id }),
  };
};
