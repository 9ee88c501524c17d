import { type Actor, type EmployeeRowFacts, employeeAccess, employeeRowScope, rowScopeActor } from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { withFacts } from '../../core/access.js';
import { Page, SortDirection } from '../../core/connection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import { empty, join, type ReadDb, raw, sql, type Sql } from '../../core/db.js';
import { checkListArgs, defineListing, fetchPage, searchCondition } from '../../core/listing.js';
import { attachJoined, type ColumnMap, propertiesFor, readColumns, selectColumns, toDate } from '../../core/projection.js';
import { selectedHere, selectedNodeFields, selectedNodeRelationFields } from '../../core/selection.js';
import type { EmploymentStatus } from './employee.entity.js';
import type { EmployeeFilter, EmployeesArgs } from './org.inputs.js';
import { DEPARTMENT_NEEDS, POSITION_NEEDS, selectDepartment, selectPosition, toDepartmentRow, toPositionRow } from './org.read.js';
import type { EmployeeNode, EmployeeRow } from './org.types.js';

type EmployeeColumns = Omit<EmployeeNode, '__typename'>;
const EMPLOYEE_COLUMNS: ColumnMap<EmployeeColumns> = {
  id: 'id',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  employeeNumber: 'employee_number',
  name: 'name',
  email: 'email',
  departmentId: 'department_id',
  positionId: 'position_id',
  supervisorId: 'supervisor_id',
  hireDate: 'hire_date',
  probationEndDate: 'probation_end_date',
  employmentStatus: 'employment_status',
  category: 'category',
  performancePayBase: 'performance_pay_base',
  floatingPayBase: 'floating_pay_base',
  disciplinaryFlag: 'disciplinary_flag',
  disciplinaryReference: 'disciplinary_reference',
  active: 'active',
};

/**
 * How employee rows relate to the actor, as SQL: the fact columns for an aliased employee (only those some
 * field policy depends on for this actor) and the row scope as a condition. Computed once per request.
 */
export interface EmployeeRelationSql {
  /** CTEs the facts and scope need (none today: the supervisor path makes them plain conditions). */
  ctes: Sql[];
  /** `with recursive <ctes and extra>`, or nothing when there are none. */
  with(...extra: Sql[]): Sql;
  /** The fact columns of employee `alias`, named `<prefix>inLine` and `<prefix>ownSupervisor`. */
  factColumns(alias: string, prefix: string): Sql;
  /** The list scope for employee `alias`; null = every row; 'none' = no row. */
  scope(alias: string): Sql | null | 'none';
  toFacts(row: Record<string, unknown>, prefix: string, id: string): EmployeeRowFacts;
}

/** Whether flipping one fact changes any field's outcome for this actor: if not, SQL need not compute it. */
function factMatters(actor: Actor, fact: 'inLine' | 'ownSupervisor'): boolean {
  const base: EmployeeRowFacts = { self: false, inLine: false, ownSupervisor: false };
  const flipped: EmployeeRowFacts = { ...base, [fact]: true };
  return Object.values(employeeAccess.fields).some((policy) => policy(actor, base) !== policy(actor, flipped));
}

// The eight possible fact combinations as shared frozen objects: no object per row, and the field guards' memo of
// their last decision then matches by identity.
const FACT_COMBINATIONS: readonly EmployeeRowFacts[] = Array.from({ length: 8 }, (_, k) =>
  Object.freeze({ self: (k & 1) !== 0, inLine: (k & 2) !== 0, ownSupervisor: (k & 4) !== 0 }),
);
const sharedFacts = (self: boolean, inLine: boolean, ownSupervisor: boolean): EmployeeRowFacts =>
  FACT_COMBINATIONS[(self ? 1 : 0) | (inLine ? 2 : 0) | (ownSupervisor ? 4 : 0)] as EmployeeRowFacts;

export function employeeRelation(person: Actor): EmployeeRelationSql {
  // A reporting token reads HR's rows of a granted type (no person: no self, no line), none otherwise.
  const actor = rowScopeActor(person, 'Employee');
  const me = actor.employeeId;
  const scope = employeeRowScope(actor);
  // Each row carries its supervisors up the line (kept by the database), so "in my line" is one
  // indexed array test and "one of my supervisors" a comparison with my own path: no recursion per request.
  const inLine = (alias: string) => sql`${raw(alias)}.supervisor_path @> array[${me}]::uuid[]`;
  const needLine = me !== null && factMatters(actor, 'inLine');
  const needUp = me !== null && factMatters(actor, 'ownSupervisor');
  return {
    ctes: [],
    with: (...extra) => (extra.length ? sql`with recursive ${join(extra, ', ')}` : empty),
    factColumns(alias, prefix) {
      const columns: Sql[] = [];
      if (needLine) columns.push(sql`(${inLine(alias)}) as ${raw(`"${prefix}inLine"`)}`);
      if (needUp) columns.push(sql`(${raw(alias)}.id = any(coalesce((select p.supervisor_path from employee p where p.id = ${me}), '{}'::uuid[]))) as ${raw(`"${prefix}ownSupervisor"`)}`);
      return columns.length ? sql`, ${join(columns, ', ')}` : empty;
    },
    scope(alias) {
      switch (scope.kind) {
        case 'all':
          return null;
        case 'none':
          return 'none';
        case 'self':
          return sql`${raw(alias)}.id = ${scope.employeeId}`;
        case 'reportingLine':
          return sql`(${raw(alias)}.id = ${scope.employeeId} or ${inLine(alias)})`;
      }
    },
    toFacts(row, prefix, id) {
      const inLineColumn = prefix ? `${prefix}inLine` : 'inLine';
      const ownSupervisorColumn = prefix ? `${prefix}ownSupervisor` : 'ownSupervisor';
      return sharedFacts(id === me, row[inLineColumn] === true, row[ownSupervisorColumn] === true);
    },
  };
}

/** What each Employee field needs fetched (others need themselves). */
const EMPLOYEE_NEEDS: Readonly<Record<string, readonly string[]>> = {
  department: ['departmentId'],
  position: ['positionId'],
  supervisor: ['supervisorId'],
  directReports: [],
  reportingLine: [],
};

/**
 * An employee joined into another read model's page statement (look-ahead): the columns the query reads of them under
 * `<alias>.`, their facts, and the reader that turns a result row back into the employee. `fields` are the GraphQL
 * fields selected on the employee. Example: employeeJoin(relation, 'e', new Set(['name'])) for `employee { name }`.
 */
export interface EmployeeJoin {
  columns: Sql;
  /** The joined employee of a result row; null when an outer join found none. */
  read(row: Record<string, unknown>): EmployeeRow | null;
}

export function employeeJoin(relation: EmployeeRelationSql, alias: string, fields: ReadonlySet<string>): EmployeeJoin {
  const prefix = `${alias}.`;
  const idColumn = `${prefix}id`;
  return {
    columns: selectEmployee(alias, prefix, relation, propertiesFor(fields, EMPLOYEE_NEEDS)),
    read: (row) => (typeof row[idColumn] === 'string' ? toEmployeeRow(row, prefix, relation) : null),
  };
}

const selectEmployee = (alias: string, prefix: string, relation: EmployeeRelationSql, only?: ReadonlySet<string>): Sql =>
  sql`${selectColumns(alias, prefix, EMPLOYEE_COLUMNS, only)}${relation.factColumns(alias, prefix)}`;

function toEmployeeRow(row: Record<string, unknown>, prefix: string, relation: EmployeeRelationSql): EmployeeRow {
  const c = readColumns(row, prefix, EMPLOYEE_COLUMNS);
  const id = c.id as string;
  const node: EmployeeNode = {
    __typename: 'Employee',
    id,
    version: c.version as number,
    createdAt: toDate(c.createdAt),
    updatedAt: toDate(c.updatedAt),
    employeeNumber: c.employeeNumber as string,
    name: c.name as string,
    email: c.email as string | null,
    departmentId: c.departmentId as string,
    positionId: c.positionId as string,
    supervisorId: c.supervisorId as string | null,
    hireDate: c.hireDate as string,
    probationEndDate: c.probationEndDate as string | null,
    employmentStatus: c.employmentStatus as EmploymentStatus,
    category: c.category as string | null,
    performancePayBase: c.performancePayBase as string | null,
    floatingPayBase: c.floatingPayBase as string | null,
    disciplinaryFlag: c.disciplinaryFlag as boolean,
    disciplinaryReference: c.disciplinaryReference as string | null,
    active: c.active as boolean,
  };
  return withFacts(node, relation.toFacts(row, prefix, id));
}

export const employeeListing = defineListing({
  query: 'employees',
  access: employeeAccess,
  filters: {
    ids: 'id',
    departmentId: 'department',
    positionId: 'position',
    supervisorId: 'supervisor',
    employmentStatus: 'employmentStatus',
    active: 'active',
  },
  search: [
    { field: 'name', sql: raw('e.name') },
    { field: 'employeeNumber', sql: raw('e.employee_number') },
    { field: 'email', sql: raw('e.email') },
  ],
  sorts: {
    EMPLOYEE_NUMBER: { field: 'employeeNumber', sql: raw('e.employee_number') },
    NAME: { field: 'name', sql: raw('e.name') },
    HIRE_DATE: { field: 'hireDate', sql: raw('e.hire_date') },
    EMPLOYMENT_STATUS: { field: 'employmentStatus', sql: raw('e.employment_status') },
    CREATED_AT: { field: 'createdAt', sql: raw('e.created_at') },
  },
  defaultSort: [
    { field: 'EMPLOYEE_NUMBER', direction: SortDirection.ASC },
    { field: 'NAME', direction: SortDirection.ASC },
  ],
  id: raw('e.id'),
});

/** The list filter (all but `q`) as SQL conditions on employee `e`; the export uses the same ones. */
export function employeeConditions(f: EmployeeFilter | null | undefined): Sql[] {
  const where: Sql[] = [];
  if (f?.ids) where.push(sql`e.id = any(${f.ids}::uuid[])`);
  if (f?.departmentId) where.push(sql`e.department_id = ${f.departmentId}`);
  if (f?.positionId) where.push(sql`e.position_id = ${f.positionId}`);
  if (f?.supervisorId) where.push(sql`e.supervisor_id = ${f.supervisorId}`);
  if (f?.employmentStatus) where.push(sql`e.employment_status = ${f.employmentStatus}`);
  if (f?.active !== undefined && f.active !== null) where.push(sql`e.active = ${f.active}`);
  return where;
}

/** Ids of the employees a filter (with `q`) matches, by employee number, for the export (HR: every row). */
export async function employeeIdsMatching(ctx: RequestContext, filter: EmployeeFilter | null | undefined): Promise<string[]> {
  const where = employeeConditions(filter);
  const search = searchCondition(requireActor(ctx), employeeListing, filter?.q);
  if (search) where.push(search);
  const rows = await ctx.db.rows<{ id: string }>(sql`select e.id from employee e ${where.length ? sql`where ${join(where, ' and ')}` : empty} order by e.employee_number`);
  return rows.map((r) => r.id);
}

/**
 * One page of the employees the actor may list, in one statement: scope and filters in SQL, the facts
 * of every row, the total when asked, only the columns the query reads, and — when the query reads them —
 * each row's department, position and supervisor joined in and kept on the row. A 500-row page with its
 * relations is one round trip, and its rows resolve without a promise per row.
 */
export async function listEmployees(ctx: RequestContext, args: EmployeesArgs, info: GraphQLResolveInfo): Promise<Page<EmployeeRow>> {
  const actor = requireActor(ctx);
  const checked = checkListArgs(actor, employeeListing, args);
  const relation = ctx.loaders.employeeRelation();
  const scope = relation.scope('e');
  if (scope === 'none') return Page.empty();
  const where: Sql[] = scope ? [scope, ...employeeConditions(args.filter)] : employeeConditions(args.filter);

  const wanted = selectedNodeFields(info);
  const joins: Sql[] = [];
  const columns: Sql[] = [selectEmployee('e', '', relation, propertiesFor(wanted, EMPLOYEE_NEEDS))];
  if (wanted.has('department')) {
    joins.push(sql`join department d on d.id = e.department_id`);
    columns.push(selectDepartment('d', 'd.', propertiesFor(selectedNodeRelationFields(info, 'department'), DEPARTMENT_NEEDS)));
  }
  if (wanted.has('position')) {
    joins.push(sql`join position p on p.id = e.position_id`);
    columns.push(selectPosition('p', 'p.', propertiesFor(selectedNodeRelationFields(info, 'position'), POSITION_NEEDS)));
  }
  const supervisor = wanted.has('supervisor') ? employeeJoin(relation, 's', selectedNodeRelationFields(info, 'supervisor')) : null;
  if (supervisor) {
    joins.push(sql`left join employee s on s.id = e.supervisor_id`);
    columns.push(supervisor.columns);
  }
  const joinDepartment = wanted.has('department');
  const joinPosition = wanted.has('position');
  return fetchPage(
    ctx.db,
    { with: relation.with(), select: join(columns, ', '), from: sql`employee e ${join(joins, ' ')}`, countFrom: sql`employee e`, where },
    checked,
    selectedHere(info).has('totalCount'),
    (r) => {
      const row = toEmployeeRow(r, '', relation);
      if (joinDepartment) attachJoined(row, 'department', toDepartmentRow(r, 'd.'));
      if (joinPosition) attachJoined(row, 'position', toPositionRow(r, 'p.'));
      if (supervisor) attachJoined(row, 'supervisor', supervisor.read(r));
      return row;
    },
  );
}

/** Employees by id, with their facts, without row scope: field policies decide what each shows. */
export async function employeesByIds(db: ReadDb, relation: EmployeeRelationSql, ids: readonly string[]): Promise<EmployeeRow[]> {
  const rows = await db.rows<Record<string, unknown>>(sql`${relation.with()} select ${selectEmployee('e', '', relation)} from employee e where e.id = any(${ids}::uuid[])`);
  return rows.map((r) => toEmployeeRow(r, '', relation));
}

/** Active direct reports of each supervisor, by employee number. */
export async function directReportsOf(db: ReadDb, relation: EmployeeRelationSql, supervisorIds: readonly string[]): Promise<EmployeeRow[]> {
  const rows = await db.rows<Record<string, unknown>>(
    sql`${relation.with()} select ${selectEmployee('e', '', relation)} from employee e
        where e.supervisor_id = any(${supervisorIds}::uuid[]) and e.active order by e.employee_number`,
  );
  return rows.map((r) => toEmployeeRow(r, '', relation));
}

/** The supervisor chain above an employee, direct supervisor first (the stored path is top first). */
export async function supervisorChain(db: ReadDb, relation: EmployeeRelationSql, employeeId: string): Promise<EmployeeRow[]> {
  const rows = await db.rows<Record<string, unknown>>(
    sql`${relation.with()} select ${selectEmployee('e', '', relation)} from employee t join employee e on e.id = any(t.supervisor_path)
        where t.id = ${employeeId} order by array_position(t.supervisor_path, e.id) desc`,
  );
  return rows.map((r) => toEmployeeRow(r, '', relation));
}

/** One employee if the actor's row scope includes them, else null (out of scope looks like absent). */
/** Employees by id or employee number in the actor's scope, one statement (federation's reference resolver batches with it). */
export async function employeesInScopeByKeys(ctx: RequestContext, ids: readonly string[], numbers: readonly string[]): Promise<EmployeeRow[]> {
  requireActor(ctx);
  const relation = ctx.loaders.employeeRelation();
  const scope = relation.scope('e');
  if (scope === 'none' || ids.length + numbers.length === 0) return [];
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`${relation.with()} select ${selectEmployee('e', '', relation)} from employee e
        where (e.id = any(${ids}::uuid[]) or e.employee_number = any(${numbers}::text[]))${scope ? sql` and ${scope}` : empty}`,
  );
  return rows.map((row) => toEmployeeRow(row, '', relation));
}

export async function employeeInScope(ctx: RequestContext, id: string): Promise<EmployeeRow | null> {
  requireActor(ctx);
  const relation = ctx.loaders.employeeRelation();
  const scope = relation.scope('e');
  if (scope === 'none') return null;
  const rows = await ctx.db.rows<Record<string, unknown>>(
    sql`${relation.with()} select ${selectEmployee('e', '', relation)} from employee e where e.id = ${id}${scope ? sql` and ${scope}` : empty}`,
  );
  const row = rows[0];
  if (!row) return null;
  const employee = toEmployeeRow(row, '', relation);
  ctx.loaders.employee.prime(id, employee);
  return employee;
}
