import { gql, type ApolloClient, type DocumentNode } from '@apollo/client';
import { toApiError } from './apiErrors';
import { personSelection } from './fields';
import type { Json } from './records';

/** Operations outside the resource CRUD: employee import (dry run / apply) and the Excel export. */
export interface ImportRowError {
  row: number;
  field: string | null;
  /** The column as the sheet names it ("Employment status"); absent from older servers. */
  column?: string | null;
  code: string;
  message: string;
  /** The values the message interpolates; the console words `code` with them. */
  params?: Readonly<Record<string, string | number | boolean>> | null;
}

export interface ImportEmployeesReport {
  dryRun: boolean;
  totalRows: number;
  validRows: number;
  applied: boolean;
  created: number;
  updated: number;
  errors: ImportRowError[];
}

export interface ImportEmployeesInput {
  fileName: string;
  contentBase64: string;
  dryRun: boolean;
}

export interface FileDownload {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

const IMPORT = gql`
  mutation ImportEmployees($input: ImportEmployeesInput!) {
    importEmployees(input: $input) {
      dryRun totalRows validRows applied created updated
      errors { row field column code message params }
    }
  }
`;

const TEMPLATE = gql`
  query EmployeeImportTemplate {
    employeeImportTemplate { fileName contentType contentBase64 }
  }
`;

const EXPORT = gql`
  query ExportEmployees($filter: EmployeeFilter) {
    exportEmployees(filter: $filter) { fileName contentType contentBase64 }
  }
`;

export type EmployeeRelation = 'reportingLine' | 'directReports';

export interface PersonSummary {
  id: string;
  name: string;
  /** absent where the viewer may read only the person's identity */
  employeeNumber?: string;
  position: { id: string; code: string; name: string; nameZh: string | null } | null;
}

const relationQuery = (relation: EmployeeRelation): DocumentNode => gql`
  query EmployeeRelation($id: ID!) {
    employee(id: $id) { id ${relation} { ${personSelection()} } }
  }
`;

export interface OrgApi {
  importEmployees(input: ImportEmployeesInput): Promise<ImportEmployeesReport>;
  exportEmployees(filter?: Json): Promise<FileDownload>;
  /** The empty employee sheet with the columns import reads. */
  employeeImportTemplate(): Promise<FileDownload>;
  /** One relation of an employee, fetched on its own so that a denied relation does not hide the record. */
  employeeRelation(id: string, relation: EmployeeRelation): Promise<PersonSummary[]>;
}

export const createOrgApi = (client: ApolloClient<unknown>): OrgApi => ({
  async importEmployees(input) {
    try {
      const result = await client.mutate<{ importEmployees: ImportEmployeesReport }>({ mutation: IMPORT, variables: { input } });
      if (!result.data) throw new Error('app.error.bad_response');
      return result.data.importEmployees;
    } catch (error) {
      throw toApiError(error);
    }
  },
  async employeeRelation(id, relation) {
    try {
      const result = await client.query<{ employee: ({ id: string } & Partial<Record<EmployeeRelation, PersonSummary[]>>) | null }>({
        query: relationQuery(relation),
        variables: { id },
      });
      return result.data.employee?.[relation] ?? [];
    } catch (error) {
      throw toApiError(error);
    }
  },
  async employeeImportTemplate() {
    try {
      const result = await client.query<{ employeeImportTemplate: FileDownload }>({ query: TEMPLATE });
      return result.data.employeeImportTemplate;
    } catch (error) {
      throw toApiError(error);
    }
  },
  async exportEmployees(filter) {
    try {
      const result = await client.query<{ exportEmployees: FileDownload }>({ query: EXPORT, variables: { filter } });
      return result.data.exportEmployees;
    } catch (error) {
      throw toApiError(error);
    }
  },
});
