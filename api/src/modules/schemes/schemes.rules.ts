import { schemeAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, type IRule } from '../../core/shield-rules.js';

const isHR = hasAnyRole('HR');
/** Roles that may read some published schemes; which ones is the service's row scope (domain policy). */
const schemeReader = hasAnyRole('HR', 'COMMITTEE', 'SUPERVISOR', 'EMPLOYEE');

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;
const edge = ['cursor', 'node'] as const;
const text = ['en', 'zh'] as const;

/** Shield rules of the scheme module: every type and field named. Drafts and templates are HR's only. */
export const schemeRules: Record<string, Record<string, IRule>> = {
  Query: {
    ...fields(['schemes', 'scheme', 'previewScheme'], schemeReader),
    ...fields(['schemeTemplates', 'validateScheme', 'exportScheme'], isHR),
  },
  Mutation: fields(['createScheme', 'createSchemeFromTemplate', 'updateScheme', 'publishScheme', 'discardSchemeDraft', 'archiveScheme', 'importScheme'], isHR),
};

const hr = anyRole('HR');
const reader = anyRole('HR', 'COMMITTEE', 'SUPERVISOR', 'EMPLOYEE');

/** Field guards of the scheme module's types: every field named. */
export const schemeGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(schemeAccess, { what: 'scheme', factless: true }),
  typeGuards('SchemeConnection', page, reader),
  typeGuards('SchemeEdge', edge, reader),
  typeGuards('SchemeVersion', ['id', 'scheme', 'number', 'document', 'publishedAt', 'publishedBy'], reader),
  typeGuards(
    'SchemeDocument',
    ['json', 'code', 'name', 'period', 'notes', 'sectionWeighting', 'sections', 'adjustmentRules', 'gradeBands', 'quotas', 'payComponents', 'finalFormula', 'rollups', 'rounding'],
    reader,
  ),
  typeGuards('LocalText', text, reader),
  typeGuards('SchemeSection', ['id', 'name', 'weight', 'raters', 'missingRater', 'itemWeighting', 'items'], reader),
  typeGuards('SchemeRater', ['role', 'weight'], reader),
  typeGuards('SchemeItem', ['id', 'indicatorCode', 'name', 'maxPoints', 'weight', 'passMark', 'method'], reader),
  typeGuards('SchemeAdjustmentRule', ['id', 'name', 'direction', 'unit', 'min', 'max', 'perRuleCap'], reader),
  typeGuards('SchemeGradeBand', ['grade', 'label', 'min', 'minInclusive', 'max', 'maxInclusive'], reader),
  typeGuards('SchemeQuota', ['grade', 'bound', 'percent', 'cumulative'], reader),
  typeGuards('SchemePayComponent', ['id', 'name', 'kind'], reader),
  typeGuards('SchemeRollup', ['id', 'name', 'period', 'formula'], reader),
  typeGuards('SchemeRounding', ['places', 'mode', 'applyAt'], reader),
  typeGuards('SchemeTemplate', ['key', 'name', 'period', 'document'], hr),
  typeGuards('SchemeValidation', ['valid', 'issues'], hr),
  typeGuards('SchemeIssue', ['path', 'code', 'message', 'params', 'text'], reader),
  typeGuards('SchemePreview', ['valid', 'issues', 'total', 'weighted', 'adjustmentPoints', 'adjustmentMoney', 'grade', 'gradeLabel', 'sections', 'pay', 'group', 'explanation'], reader),
  typeGuards('SchemePreviewSection', ['id', 'score', 'weight'], reader),
  typeGuards('SchemePayLine', ['component', 'amount', 'detail', 'explanation'], reader),
  // A preview group holds only what the caller typed in (sample scores, bases, tickets), never stored people's data.
  typeGuards('SchemeGroupPreview', ['size', 'average', 'outputValue', 'members', 'quotas'], reader),
  typeGuards('SchemeGroupMember', ['id', 'name', 'sample', 'total', 'grade', 'gradeLabel', 'pay', 'payTotal'], reader),
  typeGuards('SchemeQuotaCheck', ['grade', 'grades', 'bound', 'percent', 'limit', 'actual', 'ok'], reader),
);
