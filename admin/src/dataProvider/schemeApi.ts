import { gql, type ApolloClient } from '@apollo/client';
import { toApiError } from './apiErrors';
import type { FileDownload, ImportEmployeesInput, ImportEmployeesReport } from './orgApi';
import type { Json } from './records';
import { resultCall } from './resultCall';

/** Operations of the indicator library and the scheme builder outside plain CRUD (see docs/graphql-schemes-contract.graphql). */
export interface LocalTextValue {
  en: string;
  zh: string;
}

export interface SchemeIssue {
  path: string;
  code: string;
  message: string;
  /** What the message catalog (domain/src/messages) interpolates; absent for issues the console makes itself. */
  params?: Record<string, unknown> | null;
}

export interface SchemeValidation {
  valid: boolean;
  issues: SchemeIssue[];
}

export interface SchemePreview {
  valid: boolean;
  issues: SchemeIssue[];
  total: string | null;
  weighted: string | null;
  adjustmentPoints: string | null;
  grade: string | null;
  gradeLabel: LocalTextValue | null;
  sections: { id: string; score: string; weight: string | null }[];
  pay: SchemePayLine[];
  group: SchemeGroupPreview | null;
  explanation: string[];
}

export interface SchemePayLine {
  component: string;
  amount: string;
  detail: string;
  explanation: LocalTextValue;
}

export interface SchemeGroupPreview {
  size: number;
  average: string;
  outputValue: string | null;
  members: { id: string; name: string | null; sample: boolean; total: string; grade: string | null; gradeLabel: LocalTextValue | null; pay: SchemePayLine[]; payTotal: string | null }[];
  quotas: { grade: string; grades: string[]; bound: string; percent: string; limit: number; actual: number; ok: boolean }[];
}

/** A work ticket of output pay: hours and the completion level recorded for it. */
export interface PreviewTicket {
  hours: string;
  level: string;
}

/** Pay facts of one person in a preview. */
export interface PreviewPayFacts {
  payBase?: string;
  payGroup?: string;
  manHours?: string;
  tickets?: PreviewTicket[];
}

export interface PreviewMember extends PreviewPayFacts {
  id: string;
  name?: string;
  total?: string;
}

/** An active employee of a department, to fill a preview group with real names and pay bases. */
export interface DepartmentMember {
  id: string;
  name: string;
  employeeNumber: string;
  performancePayBase: string | null;
  floatingPayBase: string | null;
}

export interface SchemeTemplate {
  key: string;
  name: LocalTextValue;
  period: string;
  document: unknown;
}

export interface SchemeRef {
  id: string;
  version: number;
}

export interface PreviewInput extends PreviewPayFacts {
  schemeId?: string;
  versionNumber?: number;
  document?: unknown;
  appraisal: unknown;
  pool?: string;
  outputValue?: string;
  outputInputs?: Record<string, string>;
  group?: { members: PreviewMember[] };
}

export interface SchemeApi {
  schemeTemplates(): Promise<SchemeTemplate[]>;
  createSchemeFromTemplate(template: string, code: string, name?: string): Promise<SchemeRef>;
  /** Replaces the draft (starting one from the latest version when the scheme has none). */
  saveSchemeDraft(id: string, version: number, document: unknown): Promise<SchemeRef>;
  publishScheme(id: string, version: number): Promise<{ id: string; number: number }>;
  discardSchemeDraft(id: string, version: number): Promise<SchemeRef>;
  validateScheme(document: unknown): Promise<SchemeValidation>;
  previewScheme(input: PreviewInput, locale: string): Promise<SchemePreview>;
  /** Active employees of one department (not its sub-departments), with their pay bases (HR). */
  departmentMembers(departmentId: string): Promise<DepartmentMember[]>;
  exportScheme(id: string, versionNumber?: number): Promise<FileDownload>;
  importScheme(fileName: string, contentBase64: string): Promise<SchemeRef>;
  retireIndicator(id: string, version: number): Promise<SchemeRef>;
  reactivateIndicator(id: string, version: number): Promise<SchemeRef>;
  importIndicators(input: ImportEmployeesInput): Promise<ImportEmployeesReport>;
  exportIndicators(filter?: Json): Promise<FileDownload>;
}

const LOCAL = 'en zh';
const ISSUES = 'issues { path code message params }';
const PAY_LINE = `component amount detail explanation { ${LOCAL} }`;
const FILE = 'fileName contentType contentBase64';

const TEMPLATES = gql`query SchemeTemplates { result: schemeTemplates { key name { ${LOCAL} } period document } }`;
const FROM_TEMPLATE = gql`
  mutation CreateSchemeFromTemplate($template: String!, $code: String!, $name: String) {
    result: createSchemeFromTemplate(template: $template, code: $code, name: $name) { id version }
  }`;
const SAVE_DRAFT = gql`
  mutation SaveSchemeDraft($id: ID!, $input: UpdateSchemeInput!) { result: updateScheme(id: $id, input: $input) { id version } }`;
const PUBLISH = gql`mutation PublishScheme($id: ID!, $version: Int!) { result: publishScheme(id: $id, version: $version) { id number } }`;
const DISCARD = gql`mutation DiscardSchemeDraft($id: ID!, $version: Int!) { result: discardSchemeDraft(id: $id, version: $version) { id version } }`;
const VALIDATE = gql`query ValidateScheme($document: JSON!) { result: validateScheme(document: $document) { valid ${ISSUES} } }`;
const PREVIEW = gql`
  query PreviewScheme($input: PreviewSchemeInput!, $locale: String!) {
    result: previewScheme(input: $input) {
      valid ${ISSUES} total weighted adjustmentPoints grade gradeLabel { ${LOCAL} }
      sections { id score weight } pay { ${PAY_LINE} } explanation(locale: $locale)
      group { size average outputValue quotas { grade grades bound percent limit actual ok }
        members { id name sample total grade gradeLabel { ${LOCAL} } payTotal pay { ${PAY_LINE} } } }
    }
  }`;
const DEPARTMENT_MEMBERS = gql`
  query DepartmentMembers($departmentId: ID!) {
    result: employees(first: 200, filter: { departmentId: $departmentId, active: true }, sort: [{ field: NAME }]) {
      nodes { id name employeeNumber performancePayBase floatingPayBase }
    }
  }`;
const EXPORT_SCHEME = gql`query ExportScheme($id: ID!, $versionNumber: Int) { result: exportScheme(id: $id, versionNumber: $versionNumber) { ${FILE} } }`;
const IMPORT_SCHEME = gql`
  mutation ImportScheme($fileName: String!, $contentBase64: String!) { result: importScheme(fileName: $fileName, contentBase64: $contentBase64) { id version } }`;
const RETIRE = gql`mutation RetireIndicator($id: ID!, $version: Int!) { result: retireIndicator(id: $id, version: $version) { id version } }`;
const REACTIVATE = gql`mutation ReactivateIndicator($id: ID!, $version: Int!) { result: reactivateIndicator(id: $id, version: $version) { id version } }`;
const IMPORT_INDICATORS = gql`
  mutation ImportIndicators($input: ImportFileInput!) {
    result: importIndicators(input: $input) { dryRun totalRows validRows applied created updated errors { row field column code message params } }
  }`;
const EXPORT_INDICATORS = gql`query ExportIndicators($filter: IndicatorFilter) { result: exportIndicators(filter: $filter) { ${FILE} } }`;

export const createSchemeApi = (client: ApolloClient<unknown>): SchemeApi => {
  const call = resultCall(client, (error) => toApiError(error));
  return {
    schemeTemplates: () => call('query', TEMPLATES),
    createSchemeFromTemplate: (template, code, name) => call('mutation', FROM_TEMPLATE, { template, code, name: name || undefined }),
    saveSchemeDraft: (id, version, document) => call('mutation', SAVE_DRAFT, { id, input: { version, document } }),
    publishScheme: (id, version) => call('mutation', PUBLISH, { id, version }),
    discardSchemeDraft: (id, version) => call('mutation', DISCARD, { id, version }),
    validateScheme: (document) => call('query', VALIDATE, { document }),
    previewScheme: (input, locale) => call('query', PREVIEW, { input, locale }),
    departmentMembers: async (departmentId) => (await call<{ nodes: DepartmentMember[] }>('query', DEPARTMENT_MEMBERS, { departmentId })).nodes,
    exportScheme: (id, versionNumber) => call('query', EXPORT_SCHEME, { id, versionNumber }),
    importScheme: (fileName, contentBase64) => call('mutation', IMPORT_SCHEME, { fileName, contentBase64 }),
    retireIndicator: (id, version) => call('mutation', RETIRE, { id, version }),
    reactivateIndicator: (id, version) => call('mutation', REACTIVATE, { id, version }),
    importIndicators: (input) => call('mutation', IMPORT_INDICATORS, { input }),
    exportIndicators: (filter) => call('query', EXPORT_INDICATORS, { filter }),
  };
};
