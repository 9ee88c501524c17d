import type { Actor } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Department } from './department.entity.js';
import { Employee } from './employee.entity.js';
import { Position } from './position.entity.js';

/** Per-request batch loaders: a list of N employees costs one query per relation, not N. */
export interface OrgLoaders {
  department: DataLoader<string, Department | null>;
  position: DataLoader<string, Position | null>;
  employee: DataLoader<string, Employee | null>;
  /** Active direct reports of each supervisor id. */
  directReports: DataLoader<string, Employee[]>;
  /** Active child departments of each department id. */
  childDepartments: DataLoader<string, Department[]>;
  /** Active employee count per department id. */
  departmentEmployeeCount: DataLoader<string, number>;
  /** Active employees of each department id and every department below it (one recursive query per batch). */
  departmentSubtreeEmployeeCount: DataLoader<string, number>;
  /** The actor's direct and indirect reports (ids); loaded once per request, empty for non-supervisors. */
  actorReportIds(): Promise<ReadonlySet<string>>;
  /** The actor's own supervisors up the line (ids); loaded once per request. */
  actorSupervisorIds(): Promise<ReadonlySet<string>>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(ids: readonly string[], rows: T[], key: (row: T) => string | undefined): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return ids.map((id) => map.get(id) ?? []);
}

/** Ids of everyone below `employeeId` in the supervisor tree, via one recursive query. */
export async function loadReportIds(em: EntityManager, employeeId: string): Promise<Set<string>> {
  const rows = await em.getConnection().execute<Array<{ id: string }>>(
    `with recursive line(id) as (
       select id from employee where supervisor_id = ?
       union
       select e.id from employee e join line on e.supervisor_id = line.id
     ) select id from line`,
    [employeeId],
  );
  return new Set(rows.map((row) => row.id));
}

/** Ids of everyone above `employeeId` in the supervisor tree, via one recursive query. */
export async function loadSupervisorIds(em: EntityManager, employeeId: string): Promise<Set<string>> {
  const rows = await em.getConnection().execute<Array<{ id: string }>>(
    `with recursive up(id) as (
       select supervisor_id from employee where id = ? and supervisor_id is not null
       union
       select e.supervisor_id from employee e join up on e.id = up.id where e.supervisor_id is not null
     ) select id from up`,
    [employeeId],
  );
  return new Set(rows.map((row) => row.id));
}

export function createOrgLoaders(em: EntityManager, actor: Actor | null): OrgLoaders {
  let reportIds: Promise<ReadonlySet<string>> | undefined;
  let supervisorIds: Promise<ReadonlySet<string>> | undefined;
  return {
    department: new DataLoader(async (ids) => byId(ids, await em.find(Department, { id: { $in: [...ids] } }))),
    position: new DataLoader(async (ids) => byId(ids, await em.find(Position, { id: { $in: [...ids] } }))),
    employee: new DataLoader(async (ids) => byId(ids, await em.find(Employee, { id: { $in: [...ids] } }))),
    directReports: new DataLoader(async (ids) =>
      groupBy(
        ids,
        await em.find(Employee, { supervisor: { $in: [...ids] }, active: true }, { orderBy: { employeeNumber: 'asc' } }),
        (e) => e.supervisor?.id,
      ),
    ),
    childDepartments: new DataLoader(async (ids) =>
      groupBy(ids, await em.find(Department, { parent: { $in: [...ids] }, active: true }, { orderBy: { code: 'asc' } }), (d) => d.parent?.id),
    ),
    departmentEmployeeCount: new DataLoader(async (ids) => {
      const rows = await em
        .getConnection()
        .execute<Array<{ department_id: string; n: string }>>(
          `select department_id, count(*) as n from employee where active and department_id in (${ids.map(() => '?').join(', ')}) group by department_id`,
          [...ids],
        );
      const counts = new Map(rows.map((r) => [r.department_id, Number(r.n)]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    departmentSubtreeEmployeeCount: new DataLoader(async (ids) => {
      const rows = await em.getConnection().execute<Array<{ root_id: string; n: string }>>(
        `with recursive subtree(root_id, id) as (
           select id, id from department where id in (${ids.map(() => '?').join(', ')})
           union
           select s.root_id, d.id from department d join subtree s on d.parent_id = s.id
         )
         select s.root_id, count(e.id) as n
           from subtree s join employee e on e.department_id = s.id and e.active
          group by s.root_id`,
        [...ids],
      );
      const counts = new Map(rows.map((r) => [r.root_id, Number(r.n)]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    actorReportIds() {
      if (!actor?.employeeId || !actor.roles.includes('SUPERVISOR')) return Promise.resolve(new Set<string>());
      reportIds ??= loadReportIds(em, actor.employeeId);
      return reportIds;
    },
    actorSupervisorIds() {
      if (!actor?.employeeId) return Promise.resolve(new Set<string>());
      supervisorIds ??= loadSupervisorIds(em, actor.employeeId);
      return supervisorIds;
    },
  };
}
