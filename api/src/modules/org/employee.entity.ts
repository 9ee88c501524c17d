import { Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars.js';
import { EditableRecord, Node } from '../../core/record.js';
import { Department } from './department.entity.js';
import { Position } from './position.entity.js';

export enum EmploymentStatus {
  PROBATION = 'PROBATION',
  REGULAR = 'REGULAR',
  INTERN = 'INTERN',
  LEFT = 'LEFT',
}
registerEnumType(EmploymentStatus, { name: 'EmploymentStatus', description: 'Where the employee stands in employment.' });

@ObjectType({ implements: Node, description: 'A person employed by the group. Pay bases are visible to HR and the employee only.' })
@Entity({ tableName: 'employee' })
export class Employee extends EditableRecord {
  @Field(() => String, { description: 'Employee number as HR assigns it, unique.' })
  @Property({ type: 'string', length: 32 })
  @Unique()
  employeeNumber!: string;

  @Field(() => String, { description: 'Full name.' })
  @Property({ type: 'string', length: 100 })
  @Index()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Work email.' })
  @Property({ type: 'string', length: 200, nullable: true })
  email: string | null = null;

  @ManyToOne({ entity: () => Department, deleteRule: 'restrict' })
  @Index()
  department!: Department;

  @ManyToOne({ entity: () => Position, deleteRule: 'restrict' })
  position!: Position;

  @ManyToOne({ entity: () => Employee, nullable: true, deleteRule: 'restrict' })
  @Index()
  supervisor: Employee | null = null;

  @Field(() => LocalDateScalar, { description: 'Date of hire.' })
  @Property({ type: 'date' })
  hireDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of probation, if any.' })
  @Property({ type: 'date', nullable: true })
  probationEndDate: string | null = null;

  @Field(() => EmploymentStatus, { description: 'Employment status.' })
  @Enum({ items: () => EmploymentStatus, type: 'string' })
  employmentStatus!: EmploymentStatus;

  @Field(() => String, { nullable: true, description: 'Staff category a scheme can select on, e.g. "first-line production".' })
  @Property({ type: 'string', length: 64, nullable: true })
  category: string | null = null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly performance pay base. HR and the employee only.' })
  @Property({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  performancePayBase: string | null = null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Floating pay base. HR and the employee only.' })
  @Property({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  floatingPayBase: string | null = null;

  @Field(() => Boolean, { description: 'True while a disciplinary decision stands against the employee.' })
  @Property({ type: 'boolean' })
  disciplinaryFlag: Opt<boolean> = false;

  @Field(() => String, { nullable: true, description: 'Reference of the disciplinary decision.' })
  @Property({ type: 'string', length: 100, nullable: true })
  disciplinaryReference: string | null = null;

  @Field(() => Boolean, { description: 'False once deactivated (left, or entered by mistake).' })
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
