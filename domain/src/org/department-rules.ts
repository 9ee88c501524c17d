/**
 * Would moving `departmentId` under `parentId` make the department tree a loop?
 * Example: wouldCreateDepartmentCycle('a', 'a', () => null) -> true
 */
export function wouldCreateDepartmentCycle(
  departmentId: string,
  parentId: string,
  parentOf: (id: string) => string | null | undefined,
): boolean {
  const seen = new Set<string>();
  for (let current: string | null | undefined = parentId; current; current = parentOf(current)) {
    if (current === departmentId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** Codes of departments and positions: short, stable, typed by people. Example: isOrgCode('HQ-HR') -> true */
export function isOrgCode(value: string): boolean {
  return CODE.test(value);
}
