import { choiceLabel, type SheetChoice, type SheetColumn, writeSheet } from '../../core/spreadsheet.js';
import type { Employee } from './employee.entity.js';

/** Employment statuses as the console words them (admin/src/i18n app.status); import reads any of the three. */
const STATUS_CHOICES: readonly SheetChoice[] = [
  { code: 'PROBATION', en: 'Probation', zh: '试用期' },
  { code: 'REGULAR', en: 'Regular', zh: '正式' },
  { code: 'INTERN', en: 'Intern', zh: '实习' },
  { code: 'LEFT', en: 'Left', zh: '离职' },
];

const YES_NO: readonly SheetChoice[] = [
  { code: 'yes', en: 'yes', zh: '是' },
  { code: 'no', en: 'no', zh: '否' },
];

export type EmployeeColumn =
  | 'employeeNumber'
  | 'name'
  | 'email'
  | 'departmentCode'
  | 'positionCode'
  | 'supervisorNumber'
  | 'hireDate'
  | 'probationEndDate'
  | 'employmentStatus'
  | 'category'
  | 'performancePayBase'
  | 'floatingPayBase'
  | 'disciplinaryFlag'
  | 'disciplinaryReference';

/**
 * Columns of the employee sheet, in export order, with the headers the console uses (English and
 * Chinese, as in admin/src/i18n); import accepts the key or either header.
 */
export const EMPLOYEE_COLUMNS: ReadonlyArray<SheetColumn<EmployeeColumn>> = [
  { key: 'employeeNumber', label: 'Employee number', labelZh: '工号' },
  { key: 'name', label: 'Name', labelZh: '姓名' },
  { key: 'email', label: 'Email', labelZh: '邮箱' },
  { key: 'departmentCode', label: 'Department code', labelZh: '部门编码' },
  { key: 'positionCode', label: 'Position code', labelZh: '岗位编码' },
  { key: 'supervisorNumber', label: 'Supervisor employee number', labelZh: '直接上级工号' },
  { key: 'hireDate', label: 'Hire date', labelZh: '入职日期' },
  { key: 'probationEndDate', label: 'Probation end date', labelZh: '试用期结束日期' },
  { key: 'employmentStatus', label: 'Employment status', labelZh: '用工状态', choices: STATUS_CHOICES },
  { key: 'category', label: 'Category', labelZh: '人员类别' },
  { key: 'performancePayBase', label: 'Performance pay base', labelZh: '绩效工资基数' },
  { key: 'floatingPayBase', label: 'Floating pay base', labelZh: '浮动工资基数' },
  { key: 'disciplinaryFlag', label: 'Disciplinary flag', labelZh: '违纪标记', choices: YES_NO },
  { key: 'disciplinaryReference', label: 'Disciplinary reference', labelZh: '违纪记录编号' },
];

const column = (key: EmployeeColumn): SheetColumn<EmployeeColumn> => EMPLOYEE_COLUMNS.find((c) => c.key === key)!;

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
      employmentStatus: choiceLabel(column('employmentStatus'), e.employmentStatus),
      category: e.category ?? '',
      performancePayBase: e.performancePayBase ?? '',
      floatingPayBase: e.floatingPayBase ?? '',
      disciplinaryFlag: e.disciplinaryFlag ? 'yes' : 'no',
      disciplinaryReference: e.disciplinaryReference ?? '',
    })),
  );
}

/** The sheet to fill in: the header row export writes, no rows. */
export function writeEmployeeTemplate(): Promise<Buffer> {
  return writeSheet('Employees', EMPLOYEE_COLUMNS, []);
}
