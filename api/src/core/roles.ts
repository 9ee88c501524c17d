import { registerEnumType } from 'type-graphql';

/** Roles an account may hold (several at once). */
export enum Role {
  EMPLOYEE = 'EMPLOYEE',
  SUPERVISOR = 'SUPERVISOR',
  HR = 'HR',
  COMMITTEE = 'COMMITTEE',
  ADMIN = 'ADMIN',
  APPROVER = 'APPROVER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What an account may do: EMPLOYEE (own records), SUPERVISOR (reporting line), HR (everything), COMMITTEE (honors), ADMIN (system settings), APPROVER (approves payout batches; never one they prepared).',
});
