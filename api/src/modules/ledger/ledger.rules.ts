import { ledgerEntryAccess, ledgerRuleAccess, payoutBatchAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';
import { withoutFields } from '../cycles/cycles.rules.js';

const isHR = hasAnyRole('HR');

/** Shield rules of the ledger operations; the services decide per row (line, proposer, four eyes). */
export const ledgerRules: Record<string, Record<string, IRule>> = {
  Query: {
    ...fields(['ledgerRules', 'ledgerRule', 'ledgerEntries', 'ledgerEntry', 'ledgerStatement'], isAuthenticated),
    ledgerTotals: isHR,
    ...fields(['payoutBatches', 'payoutBatch', 'exportPayoutBatch'], hasAnyRole('HR', 'APPROVER')),
  },
  Mutation: {
    createPayoutBatch: isHR,
    transitionPayoutBatch: hasAnyRole('HR', 'APPROVER'),
    ...fields(['saveLedgerRule', 'retireLedgerRule', 'approveLedgerEntry', 'rejectLedgerEntry', 'reverseLedgerEntry'], isHR),
    ...fields(['proposeLedgerEntry', 'proposeTeamIncident', 'withdrawLedgerEntry'], hasAnyRole('HR', 'SUPERVISOR')),
  },
};

/** Fields of the domain's policies not in the schema yet: scheme links (governance) and team links. */
const RULE_LATER = new Set(['usedBySchemes']);
const ENTRY_LATER = new Set(['team', 'teamShare']);

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;
/** Everyone signed in as a person reads the catalog (the rulebook that governs them). */
const people = anyRole('EMPLOYEE', 'SUPERVISOR', 'HR', 'COMMITTEE', 'ADMIN', 'APPROVER');
const entryGuards = guardsFromAccess(ledgerEntryAccess, { what: 'ledger entry' });

export const ledgerGuards: FieldGuardTree = mergeGuards(
  withoutFields(guardsFromAccess(ledgerRuleAccess, { what: 'ledger rule', factless: true }), 'LedgerRule', RULE_LATER),
  typeGuards('LedgerRule', ['nameZh', 'revision', 'document'], people),
  typeGuards('LedgerAmount', ['kind', 'value', 'min', 'max', 'minExclusive', 'basis', 'minFactor', 'maxFactor', 'minBasis', 'maxBasis', 'text'], people),
  typeGuards('LedgerCap', ['period', 'maxAmount', 'maxCount'], people),
  typeGuards('LedgerRegulation', ['policyCode', 'clause', 'clauseZh'], people),
  withoutFields(entryGuards, 'LedgerEntry', ENTRY_LATER),
  // The Chinese explanation is read with the English one.
  { LedgerEntry: { explanationZh: entryGuards.LedgerEntry?.explanation as FieldGuardTree[string][string] } },
  // The source's parts were decided by LedgerEntry.source.
  typeGuards('LedgerSource', ['kind', 'appraisalId', 'resultNumber', 'cycleId', 'awardId', 'incidentId', 'reversesId', 'correctsId'], signedIn),
  // The links' parts were decided by LedgerEntry.appraisal and LedgerEntry.batch (the original of a reversal is a LedgerEntry with its own rules).
  typeGuards('LedgerAppraisalLink', ['id', 'cycleId', 'cycleName', 'cycleNameZh', 'periodKey', 'resultNumber'], signedIn),
  typeGuards('LedgerBatchLink', ['id', 'number', 'periodKey', 'status'], signedIn),
  // Statements are checked by the query (canReadStatement); their entries carry their own guards.
  typeGuards('LedgerStatement', ['employeeId', 'from', 'to', 'totals', 'money', 'entries', 'pending'], signedIn),
  typeGuards('LedgerUnitTotals', ['unit', 'opening', 'movement', 'closing'], signedIn),
  typeGuards('LedgerMoneyTotals', ['opening', 'movement', 'closing'], signedIn),
  typeGuards('LedgerTotal', ['departmentId', 'departmentCode', 'departmentName', 'unit', 'component', 'rewards', 'punishments', 'net', 'money', 'entries', 'people'], anyRole('HR')),
  typeGuards('LedgerRuleConnection', page, signedIn),
  typeGuards('LedgerRuleEdge', ['cursor', 'node'], signedIn),
  typeGuards('LedgerEntryConnection', page, signedIn),
  typeGuards('LedgerEntryEdge', ['cursor', 'node'], signedIn),
  guardsFromAccess(payoutBatchAccess, { what: 'payout batch' }),
  // The parts of a batch were decided by its field (scope, totals, lines); the export by the query (canExportBatch).
  typeGuards('PayoutBatchScope', ['departmentIds', 'components', 'includeEarlier'], signedIn),
  typeGuards('PayoutBatchTotal', ['departmentId', 'departmentCode', 'departmentName', 'component', 'total', 'entries'], signedIn),
  typeGuards('PayoutBatchLine', ['lineNo', 'employeeId', 'employeeNumber', 'name', 'departmentCode', 'departmentName', 'component', 'amount', 'entries'], signedIn),
  typeGuards('PayoutBatchExport', ['fileName', 'contentType', 'contentBase64', 'checksum', 'lineCount', 'total'], anyRole('HR', 'APPROVER')),
  typeGuards('PayoutBatchConnection', page, signedIn),
  typeGuards('PayoutBatchEdge', ['cursor', 'node'], signedIn),
);
