import type { LocalText, SchemeDefinition } from '../scheme/index.js';
import { cafeteriaScheme } from './cafeteria.js';
import { headquartersScheme } from './headquarters.js';
import { hotelAuditScheme } from './hotel-audit.js';
import { nursingScheme } from './nursing.js';
import { workshopScheme } from './workshop.js';

export { cafeteriaScheme, headquartersScheme, hotelAuditScheme, nursingScheme, workshopScheme };

/** Keys of the five seed programs. */
export type SeedProgramKey = 'hotelAudit' | 'cafeteria' | 'nursing' | 'workshop' | 'headquarters';

/**
 * The five programs of the seed as scheme documents; the API seeds them as templates.
 * Example: seedPrograms.nursing.sections.map((s) => s.weight) -> ['30', '30', '40']
 */
export const seedPrograms: Readonly<Record<SeedProgramKey, SchemeDefinition>> = {
  hotelAudit: hotelAuditScheme,
  cafeteria: cafeteriaScheme,
  nursing: nursingScheme,
  workshop: workshopScheme,
  headquarters: headquartersScheme,
};

/**
 * Display names of the seed programs in both languages.
 * Example: seedProgramNames.cafeteria.zh -> '食堂员工月度绩效考核'
 */
export const seedProgramNames: Readonly<Record<SeedProgramKey, LocalText>> = {
  hotelAudit: hotelAuditScheme.name,
  cafeteria: cafeteriaScheme.name,
  nursing: nursingScheme.name,
  workshop: workshopScheme.name,
  headquarters: headquartersScheme.name,
};
