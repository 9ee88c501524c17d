import type { Actor, ActorPlacement } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Employee } from '../org/employee.entity.js';
import { SchemeVersion } from './scheme-version.entity.js';

/** Per-request loaders of schemes: versions per scheme in one query, the actor's placement once. */
export interface SchemeLoaders {
  /** Published versions of each scheme id, newest first. */
  versions: DataLoader<string, SchemeVersion[]>;
  /** The actor's department with its ancestors, and position; loaded once per request. */
  actorPlacement(): Promise<ActorPlacement>;
}

const NOWHERE: ActorPlacement = { departmentLineage: [], positionId: null };

async function loadPlacement(em: EntityManager, employeeId: string): Promise<ActorPlacement> {
  const employee = await em.findOne(Employee, { id: employeeId });
  if (!employee) return NOWHERE;
  const rows = await em.getConnection().execute<Array<{ id: string }>>(
    `with recursive up(id, parent_id) as (
       select id, parent_id from department where id = ?
       union
       select d.id, d.parent_id from department d join up on d.id = up.parent_id
     ) select id from up`,
    [employee.department.id],
  );
  return { departmentLineage: rows.map((r) => r.id), positionId: employee.position.id };
}

export function createSchemeLoaders(em: EntityManager, actor: Actor | null): SchemeLoaders {
  let placement: Promise<ActorPlacement> | undefined;
  return {
    versions: new DataLoader(async (schemeIds) => {
      const rows = await em.find(SchemeVersion, { scheme: { $in: [...schemeIds] } }, { orderBy: { number: 'desc' } });
      return schemeIds.map((id) => rows.filter((v) => v.scheme.id === id));
    }),
    actorPlacement() {
      if (!actor?.employeeId) return Promise.resolve(NOWHERE);
      placement ??= loadPlacement(em, actor.employeeId);
      return placement;
    },
  };
}
