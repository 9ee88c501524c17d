import type { Actor } from '@appraisal/domain';
import DataLoader from 'dataloader';
import type { ReadDb } from '../../core/db.js';
import { directReportsOf, type EmployeeRelationSql, employeeRelation, employeesByIds } from './employee.read.js';
import { childDepartmentsOf, departmentsByIds, employeeCounts, positionsByIds, subtreeEmployeeCounts } from './org.read.js';
import type { DepartmentNode, EmployeeRow, PositionNode } from './org.types.js';

/** Per-request batch loaders over the read models: a list of N rows costs one query per relation, not N. */
export interface OrgLoaders {
  department: DataLoader<string, DepartmentNode | null>;
  position: DataLoader<string, PositionNode | null>;
  /** Employees by id with their facts, without row scope (field policies decide what each shows). */
  employee: DataLoader<string, EmployeeRow | null>;
  /** Active direct reports of each supervisor id. */
  directReports: DataLoader<string, EmployeeRow[]>;
  /** Active child departments of each department id. */
  childDepartments: DataLoader<string, DepartmentNode[]>;
  /** Active employee count per department id. */
  departmentEmployeeCount: DataLoader<string, number>;
  /** Active employees of each department id and every department below it (one recursive query per batch). */
  departmentSubtreeEmployeeCount: DataLoader<string, number>;
  /** How employee rows relate to the actor, as SQL; built once per request. */
  employeeRelation(): EmployeeRelationSql;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(ids: readonly string[], rows: T[], key: (row: T) => string | null): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return ids.map((id) => map.get(id) ?? []);
}

export function createOrgLoaders(db: ReadDb, actor: Actor | null): OrgLoaders {
  const noone: Actor = { userId: '', employeeId: null, roles: [] };
  let relation: EmployeeRelationSql | undefined;
  const rel = () => (relation ??= employeeRelation(actor ?? noone));
  return {
    department: new DataLoader(async (ids) => byId(ids, await departmentsByIds(db, ids))),
    position: new DataLoader(async (ids) => byId(ids, await positionsByIds(db, ids))),
    employee: new DataLoader(async (ids) => byId(ids, await employeesByIds(db, rel(), ids))),
    directReports: new DataLoader(async (ids) => groupBy(ids, await directReportsOf(db, rel(), ids), (e) => e.supervisorId)),
    childDepartments: new DataLoader(async (ids) => groupBy(ids, await childDepartmentsOf(db, ids), (d) => d.parentId)),
    departmentEmployeeCount: new DataLoader(async (ids) => {
      const counts = await employeeCounts(db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    departmentSubtreeEmployeeCount: new DataLoader(async (ids) => {
      const counts = await subtreeEmployeeCounts(db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    employeeRelation: rel,
  };
}
