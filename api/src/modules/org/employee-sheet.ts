import { writeSheet } from '../../core/spreadsheet.js';
import type { Employee } from './employee.entity.js';

/** Columns of the employee sheet, in export order. Import accepts the key or the English label as header. */
export const EMPLOYEE_COLUMNS = [
  { key: 'employeeNumber', label: 'Employee number' },
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
  { key: 'departmentCode', label: 'Department code' },
  { key: 'positionCode', label: 'Position code' },
  { key: 'supervisorNumber', label: 'Supervisor employee number' },
  { key: 'hireDate', label: 'Hire date' },
  { key: 'probationEndDate', label: 'Probation end date' },
  { key: 'employmentStatus', label: 'Employment status' },
  { key: 'category', label: 'Category' },
  { key: 'performancePayBase', label: 'Performance pay base' },
  { key: 'floatingPayBase', label: 'Floating pay base' },
  { key: 'disciplinaryFlag', label: 'Disciplinary flag' },
  { key: 'disciplinaryReference', label: 'Disciplinary reference' },
] as const;

export type EmployeeColumn = (typeof EMPLOYEE_COLUMNS)[number]['key'];

export interface ExportRow {
  employee: Employee;
  departmentCode: string;
  positionCode: string;
  supervisorNumber: string | null;
}

/** Writes the employee list as an .xlsx workbook with the same columns import reads. */
export function writeEmployeeSheet(rows: ExportRow[]): Promise<Buffer> {
  return writeSheet(
    'Employees',
    EMPLOYEE_COLUMNS,
    rows.map(({ employee: e, departmentCode, positionCode, supervisorNumber }) => ({
      employeeNumber: e.employeeNumber,
      name: e.name,
      email: e.email ?? '',
      departmentCode,
      positionCode,
      supervisorNumber: supervisorNumber ?? '',
      hireDate: e.hireDate,
      probationEndDate: e.probationEndDate ?? '',
      employmentStatus: e.employmentStatus,
      category: e.category ?? '',
      performancePayBase: e.performancePayBase ?? '',
      floatingPayBase: e.floatingPayBase ?? '',
      disciplinaryFlag: e.disciplinaryFlag ? 'yes' : 'no',
      disciplinaryReference: e.disciplinaryReference ?? '',
    })),
  );
}
