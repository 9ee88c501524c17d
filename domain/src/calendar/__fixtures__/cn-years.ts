import { cn2025, cn2026 } from '../cn-calendar.js';
import type { WorkCalendarYear } from '../definition.js';

/**
 * Test fixture: the 2025 and 2026 mainland China arrangements (the same as cn-holidays.ts), entered the way HR
 * enters them (named ranges per year), plus the workshop's accounting month; from the one source the demo
 * group's calendar also uses (../cn-calendar.ts). Tests expect 2027 to be missing.
 */
export { cn2025, cn2026 };

export const cnYears: readonly WorkCalendarYear[] = [cn2025, cn2026];
