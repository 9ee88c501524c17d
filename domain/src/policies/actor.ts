/** Roles as plain strings so the domain stays free of GraphQL enums. */
export type RoleName = 'EMPLOYEE' | 'SUPERVISOR' | 'HR' | 'COMMITTEE' | 'ADMIN';

/** Who is asking: the signed-in account, the employee it belongs to (if any) and its roles. */
export interface Actor {
  userId: string;
  employeeId: string | null;
  roles: ReadonlyArray<RoleName>;
}

/** True when the actor holds any of the roles. Example: hasRole({roles:['HR']} as Actor, 'HR','ADMIN') -> true */
export function hasRole(actor: Actor, ...roles: RoleName[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
