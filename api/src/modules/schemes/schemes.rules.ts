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
  Scheme: {
    ...fields(
      ['id', 'code', 'name', 'nameZh', 'periodType', 'applicableDepartments', 'applicablePositions', 'owner', 'status', 'latestVersion', 'versions', 'templateKey', 'version', 'createdAt', 'updatedAt'],
      schemeReader,
    ),
    draft: isHR,
  },
  SchemeConnection: fields(page, schemeReader),
  SchemeEdge: fields(edge, schemeReader),
  SchemeVersion: fields(['id', 'scheme', 'number', 'document', 'publishedAt', 'publishedBy'], schemeReader),
  SchemeDocument: fields(
    ['json', 'code', 'name', 'period', 'notes', 'sectionWeighting', 'sections', 'adjustmentRules', 'gradeBands', 'quotas', 'payComponents', 'finalFormula', 'rollups', 'rounding'],
    schemeReader,
  ),
  LocalText: fields(text, schemeReader),
  SchemeSection: fields(['id', 'name', 'weight', 'raters', 'missingRater', 'itemWeighting', 'items'], schemeReader),
  SchemeRater: fields(['role', 'weight'], schemeReader),
  SchemeItem: fields(['id', 'indicatorCode', 'name', 'maxPoints', 'weight', 'passMark', 'method'], schemeReader),
  SchemeAdjustmentRule: fields(['id', 'name', 'direction', 'unit', 'min', 'max', 'perRuleCap'], schemeReader),
  SchemeGradeBand: fields(['grade', 'label', 'min', 'minInclusive', 'max', 'maxInclusive'], schemeReader),
  SchemeQuota: fields(['grade', 'bound', 'percent', 'cumulative'], schemeReader),
  SchemePayComponent: fields(['id', 'name', 'kind'], schemeReader),
  SchemeRollup: fields(['id', 'name', 'period', 'formula'], schemeReader),
  SchemeRounding: fields(['places', 'mode', 'applyAt'], schemeReader),
  SchemeTemplate: fields(['key', 'name', 'period', 'document'], isHR),
  SchemeValidation: fields(['valid', 'issues'], isHR),
  SchemeIssue: fields(['path', 'code', 'message', 'params', 'text'], schemeReader),
  SchemePreview: fields(['valid', 'issues', 'total', 'weighted', 'adjustmentPoints', 'adjustmentMoney', 'grade', 'gradeLabel', 'sections', 'pay', 'group', 'explanation'], schemeReader),
  SchemePreviewSection: fields(['id', 'score', 'weight'], schemeReader),
  SchemePayLine: fields(['component', 'amount', 'detail', 'explanation'], schemeReader),
  // A preview group holds only what the caller typed in (sample scores, bases, tickets), never stored people's data.
  SchemeGroupPreview: fields(['size', 'average', 'outputValue', 'members', 'quotas'], schemeReader),
  SchemeGroupMember: fields(['id', 'name', 'sample', 'total', 'grade', 'gradeLabel', 'pay', 'payTotal'], schemeReader),
  SchemeQuotaCheck: fields(['grade', 'grades', 'bound', 'percent', 'limit', 'actual', 'ok'], schemeReader),
};
