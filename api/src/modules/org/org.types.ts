import type { EmployeeRowFacts } from '@appraisal/domain';
import { Field, ObjectType } from 'type-graphql';
import type { WithFacts } from '../../core/access.js';
import { CodedNode, Node, RecordNode } from '../../core/record.js';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars.js';
import { EmploymentStatus } from './employee.entity.js';
import { PositionLevel } from './position.entity.js';

/** The read model of a department: a plain row. Relations are ids the field resolvers load in batches. */
@ObjectType('Department', {
  implements: Node,
  simpleResolvers: true,
  description: 'An organizational unit; departments form a tree (group > company > department > team).',
})
export class DepartmentNode extends CodedNode {
  declare __typename: 'Department';
  parentId!: string | null;

  @Field(() => Boolean, { description: 'False once deactivated; deactivated units keep their history.' })
  active!: boolean;
}

@ObjectType('Position', { implements: Node, simpleResolvers: true, description: 'A job position within a department, e.g. "Night auditor" or "Welder".' })
export class PositionNode extends CodedNode {
  declare __typename: 'Position';
  departmentId!: string;

  @Field(() => PositionLevel, { description: 'Level of the position.' })
  level!: PositionLevel;

  @Field(() => Boolean, { description: 'False once deactivated.' })
  active!: boolean;
}

@ObjectType('Employee', {
  implements: Node,
  simpleResolvers: true,
  description: 'A person employed by the group. Pay bases are visible to HR and the employee only.',
})
export class EmployeeNode extends RecordNode {
  declare __typename: 'Employee';
  departmentId!: string;
  positionId!: string;
  supervisorId!: string | null;

  @Field(() => String, { description: 'Employee number as HR assigns it, unique.' })
  employeeNumber!: string;

  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Work email.' })
  email!: string | null;

  @Field(() => LocalDateScalar, { description: 'Date of hire.' })
  hireDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of probation, if any.' })
  probationEndDate!: string | null;

  @Field(() => EmploymentStatus, { description: 'Employment status.' })
  employmentStatus!: EmploymentStatus;

  @Field(() => String, { nullable: true, description: 'Staff category a scheme can select on, e.g. "first-line production".' })
  category!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly performance pay base. HR and the employee only.' })
  performancePayBase!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Floating pay base. HR and the employee only.' })
  floatingPayBase!: string | null;

  @Field(() => Boolean, { description: 'True while a disciplinary decision stands against the employee.' })
  disciplinaryFlag!: boolean;

  @Field(() => String, { nullable: true, description: 'Reference of the disciplinary decision.' })
  disciplinaryReference!: string | null;

  @Field(() => Boolean, { description: 'False once deactivated (left, or entered by mistake).' })
  active!: boolean;
}

/** An employee row with what it is to the actor (self, in their line, their supervisor). */
export type EmployeeRow = WithFacts<EmployeeNode, EmployeeRowFacts>;
