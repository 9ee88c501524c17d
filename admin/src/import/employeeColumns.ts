/**
 * The columns of the employee sheet, in the order the template and the export write them (the API's
 * api/src/modules/org/employee-sheet.ts; test/e2e/import.test.ts checks that both agree). Their names
 * are `app.import.columns.<key>`, the headers the sheet uses in each language.
 */
export const EMPLOYEE_SHEET_COLUMNS = [
  { key: 'employeeNumber', required: true },
  { key: 'name', required: true },
  { key: 'email', required: false },
  { key: 'departmentCode', required: true },
  { key: 'positionCode', required: true },
  { key: 'supervisorNumber', required: false },
  { key: 'hireDate', required: true },
  { key: 'probationEndDate', required: false },
  { key: 'employmentStatus', required: true },
  { key: 'category', required: false },
  { key: 'performancePayBase', required: false },
  { key: 'floatingPayBase', required: false },
  { key: 'disciplinaryFlag', required: false },
  { key: 'disciplinaryReference', required: false },
] as const;
