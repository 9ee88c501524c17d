import { ArrayType, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { EditableEntity } from '../../core/record.js';
import { Department } from './department.entity.js';
import { Position } from './position.entity.js';

export enum EmploymentStatus {
  PROBATION = 'PROBATION',
  REGULAR = 'REGULAR',
  INTERN = 'INTERN',
  LEFT = 'LEFT',
}
registerEnumType(EmploymentStatus, { name: 'EmploymentStatus', description: 'Where the employee stands in employment.' });

/** A person employed by the group (write model). Reads go through employee.read.ts. */
@Entity({ tableName: 'employee' })
export class Employee extends EditableEntity {
  @Property({ type: 'string', length: 32 })
  @Unique()
  employeeNumber!: string;

  @Property({ type: 'string', length: 100 })
  @Index()
  name!: string;

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

  @Property({ type: 'date' })
  hireDate!: string;

  @Property({ type: 'date', nullable: true })
  probationEndDate: string | null = null;

  @Enum({ items: () => EmploymentStatus, type: 'string' })
  employmentStatus!: EmploymentStatus;

  @Property({ type: 'string', length: 64, nullable: true })
  category: string | null = null;

  @Property({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  performancePayBase: string | null = null;

  @Property({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  floatingPayBase: string | null = null;

  @Property({ type: 'boolean' })
  disciplinaryFlag: Opt<boolean> = false;

  @Property({ type: 'string', length: 100, nullable: true })
  disciplinaryReference: string | null = null;

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  /**
   * The supervisors up the line, top first, kept by the database (a trigger repairs it after every insert
   * or change of supervisor; see the migration). Never written by the application.
   */
  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}', hidden: true, lazy: true })
  @Index({ name: 'employee_supervisor_path_index', expression: 'create index "employee_supervisor_path_index" on "employee" using gin ("supervisor_path")' })
  supervisorPath?: Opt<string[]>;
}
