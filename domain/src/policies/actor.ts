/**
 * Roles as plain strings so the domain stays free of GraphQL enums. APPROVER approves payout batches (the
 * two-person rule: never a batch they prepared); SERVICE is a reporting tool's token (analytics/service-account.ts),
 * never held by a person.
 */
export type RoleName = 'EMPLOYEE' | 'SUPERVISOR' | 'HR' | 'COMMITTEE' | 'ADMIN' | 'APPROVER' | 'SERVICE';

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
