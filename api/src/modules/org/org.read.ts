import { departmentAccess, positionAccess } from '@appraisal/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { Page } from '../../core/connection.js';
import { SortDirection } from '../../core/connection.js';
import { type ReadDb, raw, sql, type Sql } from '../../core/db.js';
import { checkListArgs, defineListing, fetchPage } from '../../core/listing.js';
import { type ColumnMap, readColumns, selectColumns, toDate } from '../../core/projection.js';
import { selectedHere } from '../../core/selection.js';
import { type RequestContext, requireActor } from '../../core/context.js';
import type { DepartmentsArgs, PositionsArgs } from './org.inputs.js';
import type { DepartmentNode, PositionNode } from './org.types.js';
import type { PositionLevel } from './position.entity.js';

// ---- departments ------------------------------------------------------------------------------

type DepartmentColumns = Omit<DepartmentNode, '__typename'>;
export const DEPARTMENT_COLUMNS: ColumnMap<DepartmentColumns> = {
  id: 'id',
  code: 'code',
  name: 'name',
  nameZh: 'name_zh',
  parentId: 'parent_id',
  active: 'active',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** What each Department field needs fetched (others need themselves). */
export const DEPARTMENT_NEEDS: Readonly<Record<string, readonly string[]>> = { parent: ['parentId'], children: [], employeeCount: [], subtreeEmployeeCount: [] };

export const selectDepartment = (alias: string, prefix = '', only?: ReadonlySet<string>): Sql => selectColumns(alias, prefix, DEPARTMENT_COLUMNS, only);

export function toDepartmentRow(row: Record<string, unknown>, prefix = ''): DepartmentNode {
  const c = readColumns(row, prefix, DEPARTMENT_COLUMNS);
  return {
    __typename: 'Department',
    id: c.id as string,
    code: c.code as string,
    name: c.name as string,
    nameZh: c.nameZh as string | null,
    parentId: c.parentId as string | null,
    active: c.active as boolean,
    version: c.version as number,
    createdAt: toDate(c.createdAt),
    updatedAt: toDate(c.updatedAt),
  };
}

export const departmentListing = defineListing({
  query: 'departments',
  access: departmentAccess,
  filters: { ids: 'id', parentId: 'parent', root: 'parent', active: 'active' },
  search: [
    { field: 'code', sql: raw('d.code') },
    { field: 'name', sql: raw('d.name') },
    { field: 'nameZh', sql: raw('d.name_zh') },
  ],
  sorts: {
    CODE: { field: 'code', sql: raw('d.code') },
    NAME: { field: 'name', sql: raw('d.name') },
    CREATED_AT: { field: 'createdAt', sql: raw('d.created_at') },
  },
  defaultSort: [{ field: 'CODE', direction: SortDirection.ASC }],
  id: raw('d.id'),
});

/** Departments are not secret: every signed-in role may list them. */
export function listDepartments(ctx: RequestContext, args: DepartmentsArgs, info: GraphQLResolveInfo): Promise<Page<DepartmentNode>> {
  const checked = checkListArgs(requireActor(ctx), departmentListing, args);
  const f = args.filter;
  const where: Sql[] = [];
  if (f?.ids) where.push(sql`d.id = any(${f.ids}::uuid[])`);
  if (f?.parentId) where.push(sql`d.parent_id = ${f.parentId}`);
  if (f?.root === true) where.push(sql`d.parent_id is null`);
  if (f?.root === false) where.push(sql`d.parent_id is not null`);
  if (f?.active !== undefined && f.active !== null) where.push(sql`d.active = ${f.active}`);
  return fetchPage(ctx.db, { select: selectDepartment('d'), from: sql`department d`, where }, checked, selectedHere(info).has('totalCount'), (r) => toDepartmentRow(r));
}

export async function departmentsByIds(db: ReadDb, ids: readonly string[]): Promise<DepartmentNode[]> {
  const rows = await db.rows<Record<string, unknown>>(sql`select ${selectDepartment('d')} from department d where d.id = any(${ids}::uuid[])`);
  return rows.map((r) => toDepartmentRow(r));
}

export async function childDepartmentsOf(db: ReadDb, parentIds: readonly string[]): Promise<DepartmentNode[]> {
  const rows = await db.rows<Record<string, unknown>>(
    sql`select ${selectDepartment('d')} from department d where d.parent_id = any(${parentIds}::uuid[]) and d.active order by d.code`,
  );
  return rows.map((r) => toDepartmentRow(r));
}

/** Active employees directly in each department. */
export async function employeeCounts(db: ReadDb, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.rows<{ id: string; n: number }>(
    sql`select department_id as id, count(*)::int as n from employee where active and department_id = any(${ids}::uuid[]) group by department_id`,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Active employees per department id, counting every department below it too: one recursive query. */
export async function subtreeEmployeeCounts(db: ReadDb, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.rows<{ id: string; n: number }>(
    sql`with recursive subtree(root_id, id) as (
          select id, id from department where id = any(${ids}::uuid[])
          union
          select s.root_id, d.id from department d join subtree s on d.parent_id = s.id
        )
        select s.root_id as id, count(e.id)::int as n
          from subtree s join employee e on e.department_id = s.id and e.active
         group by s.root_id`,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

// ---- positions --------------------------------------------------------------------------------

type PositionColumns = Omit<PositionNode, '__typename'>;
export const POSITION_COLUMNS: ColumnMap<PositionColumns> = {
  id: 'id',
  code: 'code',
  name: 'name',
  nameZh: 'name_zh',
  departmentId: 'department_id',
  level: 'level',
  active: 'active',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** What each Position field needs fetched (others need themselves). */
export const POSITION_NEEDS: Readonly<Record<string, readonly string[]>> = { department: ['departmentId'] };

export const selectPosition = (alias: string, prefix = '', only?: ReadonlySet<string>): Sql => selectColumns(alias, prefix, POSITION_COLUMNS, only);

export function toPositionRow(row: Record<string, unknown>, prefix = ''): PositionNode {
  const c = readColumns(row, prefix, POSITION_COLUMNS);
  return {
    __typename: 'Position',
    id: c.id as string,
    code: c.code as string,
    name: c.name as string,
    nameZh: c.nameZh as string | null,
    departmentId: c.departmentId as string,
    level: c.level as PositionLevel,
    active: c.active as boolean,
    version: c.version as number,
    createdAt: toDate(c.createdAt),
    updatedAt: toDate(c.updatedAt),
  };
}

export const positionListing = defineListing({
  query: 'positions',
  access: positionAccess,
  filters: { ids: 'id', departmentId: 'department', level: 'level', active: 'active' },
  search: [
    { field: 'code', sql: raw('p.code') },
    { field: 'name', sql: raw('p.name') },
    { field: 'nameZh', sql: raw('p.name_zh') },
  ],
  sorts: {
    CODE: { field: 'code', sql: raw('p.code') },
    NAME: { field: 'name', sql: raw('p.name') },
    LEVEL: { field: 'level', sql: raw('p.level') },
    CREATED_AT: { field: 'createdAt', sql: raw('p.created_at') },
  },
  defaultSort: [{ field: 'CODE', direction: SortDirection.ASC }],
  id: raw('p.id'),
});

export function listPositions(ctx: RequestContext, args: PositionsArgs, info: GraphQLResolveInfo): Promise<Page<PositionNode>> {
  const checked = checkListArgs(requireActor(ctx), positionListing, args);
  const f = args.filter;
  const where: Sql[] = [];
  if (f?.ids) where.push(sql`p.id = any(${f.ids}::uuid[])`);
  if (f?.departmentId) where.push(sql`p.department_id = ${f.departmentId}`);
  if (f?.level) where.push(sql`p.level = ${f.level}`);
  if (f?.active !== undefined && f.active !== null) where.push(sql`p.active = ${f.active}`);
  return fetchPage(ctx.db, { select: selectPosition('p'), from: sql`position p`, where }, checked, selectedHere(info).has('totalCount'), (r) => toPositionRow(r));
}

export async function positionsByIds(db: ReadDb, ids: readonly string[]): Promise<PositionNode[]> {
  const rows = await db.rows<Record<string, unknown>>(sql`select ${selectPosition('p')} from position p where p.id = any(${ids}::uuid[])`);
  return rows.map((r) => toPositionRow(r));
}
