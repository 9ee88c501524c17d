import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { IndicatorCategory } from './indicator-category.entity.js';

/** Per-request batch loaders of the indicator library: a page of indicators costs one query per relation. */
export interface IndicatorLoaders {
  category: DataLoader<string, IndicatorCategory | null>;
  /** Published scheme versions whose items reference each indicator code. */
  usedBySchemes: DataLoader<string, number>;
}

export function createIndicatorLoaders(em: EntityManager): IndicatorLoaders {
  return {
    category: new DataLoader(async (ids) => {
      const rows = await em.find(IndicatorCategory, { id: { $in: [...ids] } });
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    usedBySchemes: new DataLoader(async (codes) => {
      const rows = await em
        .getConnection()
        .execute<Array<{ code: string; n: string }>>(
          `select code, count(*) as n from scheme_version, unnest(indicator_codes) as code where code in (${codes.map(() => '?').join(', ')}) group by code`,
          [[...codes]],
        );
      const counts = new Map(rows.map((r) => [r.code, Number(r.n)]));
      return codes.map((code) => counts.get(code) ?? 0);
    }),
  };
}
