import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Limit } from '../../core/input-limits.js';
import { PageArgs, SortDirection } from '../../core/connection.js';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars.js';
import { EmploymentStatus } from './employee.entity.js';
import { PositionLevel } from './position.entity.js';

// ---- employees -------------------------------------------------------------------------------

@InputType({ description: 'Which employees to list; all conditions must hold.' })
export class EmployeeFilter {
  @Limit('searchTerm') @Field(() => String, { nullable: true, description: 'Matches name, employee number or email (case-insensitive, contains).' })
  q?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  ids?: string[];
  @Field(() => ID, { nullable: true, description: 'Only this department (not its sub-departments).' })
  departmentId?: string;
  @Field(() => ID, { nullable: true, description: 'Only this position.' })
  positionId?: string;
  @Field(() => ID, { nullable: true, description: 'Only direct reports of this supervisor.' })
  supervisorId?: string;
  @Field(() => EmploymentStatus, { nullable: true, description: 'Only this employment status.' })
  employmentStatus?: EmploymentStatus;
  @Field(() => Boolean, { nullable: true, description: 'Active or deactivated; both when omitted.' })
  active?: boolean;
}

export enum EmployeeSortField {
  EMPLOYEE_NUMBER = 'EMPLOYEE_NUMBER',
  NAME = 'NAME',
  HIRE_DATE = 'HIRE_DATE',
  EMPLOYMENT_STATUS = 'EMPLOYMENT_STATUS',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(EmployeeSortField, { name: 'EmployeeSortField', description: 'Fields employees can be sorted by.' });

@InputType({ description: 'One sort key for employees.' })
export class EmployeeSort {
  @Field(() => EmployeeSortField, { description: 'Field to sort by.' })
  field!: EmployeeSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class EmployeesArgs extends PageArgs {
  @Field(() => EmployeeFilter, { nullable: true, description: 'Filter.' })
  filter?: EmployeeFilter;
  @Field(() => [EmployeeSort], { nullable: true, description: 'Sort keys, first one first; ties end by id.' })
  sort?: EmployeeSort[];
}

@InputType({ description: 'A new employee.' })
export class CreateEmployeeInput {
  @Limit('code') @Field(() => String, { description: 'Unique employee number: 1-32 letters, digits or dashes.' }) employeeNumber!: string;
  @Limit('name') @Field(() => String, { description: 'Full name.' }) name!: string;
  @Limit('email') @Field(() => String, { nullable: true, description: 'Work email.' }) email?: string | null;
  @Field(() => ID, { description: 'Department.' }) departmentId!: string;
  @Field(() => ID, { description: 'Position; must belong to the department.' }) positionId!: string;
  @Field(() => ID, { nullable: true, description: 'Direct supervisor.' }) supervisorId?: string | null;
  @Field(() => LocalDateScalar, { description: 'Date of hire.' }) hireDate!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of probation; required when on probation.' })
  probationEndDate?: string | null;
  @Field(() => EmploymentStatus, { description: 'Employment status.' }) employmentStatus!: EmploymentStatus;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Staff category.' }) category?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly performance pay base.' }) performancePayBase?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Floating pay base.' }) floatingPayBase?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'A disciplinary decision stands.' }) disciplinaryFlag?: boolean;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Reference of the disciplinary decision; required with the flag.' })
  disciplinaryReference?: string | null;
}

@InputType({ description: 'Changes to an employee; omitted fields stay as they are.' })
export class UpdateEmployeeInput {
  @Field(() => Int, { description: 'The version you read; a stale one is a CONFLICT.' }) version!: number;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Employee number.' }) employeeNumber?: string;
  @Limit('name') @Field(() => String, { nullable: true, description: 'Full name.' }) name?: string;
  @Limit('email') @Field(() => String, { nullable: true, description: 'Work email.' }) email?: string | null;
  @Field(() => ID, { nullable: true, description: 'Department.' }) departmentId?: string;
  @Field(() => ID, { nullable: true, description: 'Position.' }) positionId?: string;
  @Field(() => ID, { nullable: true, description: 'Direct supervisor; null removes it.' }) supervisorId?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of hire.' }) hireDate?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of probation.' }) probationEndDate?: string | null;
  @Field(() => EmploymentStatus, { nullable: true, description: 'Employment status.' }) employmentStatus?: EmploymentStatus;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Staff category.' }) category?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Monthly performance pay base.' }) performancePayBase?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Floating pay base.' }) floatingPayBase?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'A disciplinary decision stands.' }) disciplinaryFlag?: boolean;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Reference of the disciplinary decision.' }) disciplinaryReference?: string | null;
}

// ---- departments -----------------------------------------------------------------------------

@InputType({ description: 'Which departments to list.' })
export class DepartmentFilter {
  @Limit('searchTerm') @Field(() => String, { nullable: true, description: 'Matches code or names (contains).' }) q?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' }) ids?: string[];
  @Field(() => ID, { nullable: true, description: 'Only children of this department.' }) parentId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only top-level departments (true) or only sub-departments (false).' }) root?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Active or deactivated; both when omitted.' }) active?: boolean;
}

export enum DepartmentSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(DepartmentSortField, { name: 'DepartmentSortField', description: 'Fields departments can be sorted by.' });

@InputType({ description: 'One sort key for departments.' })
export class DepartmentSort {
  @Field(() => DepartmentSortField, { description: 'Field to sort by.' }) field!: DepartmentSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class DepartmentsArgs extends PageArgs {
  @Field(() => DepartmentFilter, { nullable: true, description: 'Filter.' }) filter?: DepartmentFilter;
  @Field(() => [DepartmentSort], { nullable: true, description: 'Sort keys.' }) sort?: DepartmentSort[];
}

@InputType({ description: 'A new department.' })
export class CreateDepartmentInput {
  @Limit('code') @Field(() => String, { description: 'Unique code.' }) code!: string;
  @Limit('orgName') @Field(() => String, { description: 'Name in English.' }) name!: string;
  @Limit('orgName') @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh?: string | null;
  @Field(() => ID, { nullable: true, description: 'Parent department; none for a top-level unit.' }) parentId?: string | null;
}

@InputType({ description: 'Changes to a department.' })
export class UpdateDepartmentInput {
  @Field(() => Int, { description: 'The version you read.' }) version!: number;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Unique code.' }) code?: string;
  @Limit('orgName') @Field(() => String, { nullable: true, description: 'Name in English.' }) name?: string;
  @Limit('orgName') @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh?: string | null;
  @Field(() => ID, { nullable: true, description: 'Parent department; null makes it top-level.' }) parentId?: string | null;
}

// ---- positions -------------------------------------------------------------------------------

@InputType({ description: 'Which positions to list.' })
export class PositionFilter {
  @Limit('searchTerm') @Field(() => String, { nullable: true, description: 'Matches code or names (contains).' }) q?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' }) ids?: string[];
  @Field(() => ID, { nullable: true, description: 'Only this department.' }) departmentId?: string;
  @Field(() => PositionLevel, { nullable: true, description: 'Only this level.' }) level?: PositionLevel;
  @Field(() => Boolean, { nullable: true, description: 'Active or deactivated; both when omitted.' }) active?: boolean;
}

export enum PositionSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  LEVEL = 'LEVEL',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(PositionSortField, { name: 'PositionSortField', description: 'Fields positions can be sorted by.' });

@InputType({ description: 'One sort key for positions.' })
export class PositionSort {
  @Field(() => PositionSortField, { description: 'Field to sort by.' }) field!: PositionSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class PositionsArgs extends PageArgs {
  @Field(() => PositionFilter, { nullable: true, description: 'Filter.' }) filter?: PositionFilter;
  @Field(() => [PositionSort], { nullable: true, description: 'Sort keys.' }) sort?: PositionSort[];
}

@InputType({ description: 'A new position.' })
export class CreatePositionInput {
  @Limit('code') @Field(() => String, { description: 'Unique code.' }) code!: string;
  @Limit('orgName') @Field(() => String, { description: 'Name in English.' }) name!: string;
  @Limit('orgName') @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh?: string | null;
  @Field(() => ID, { description: 'Department the position belongs to.' }) departmentId!: string;
  @Field(() => PositionLevel, { description: 'Level.' }) level!: PositionLevel;
}

@InputType({ description: 'Changes to a position.' })
export class UpdatePositionInput {
  @Field(() => Int, { description: 'The version you read.' }) version!: number;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Unique code.' }) code?: string;
  @Limit('orgName') @Field(() => String, { nullable: true, description: 'Name in English.' }) name?: string;
  @Limit('orgName') @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh?: string | null;
  @Field(() => ID, { nullable: true, description: 'Department.' }) departmentId?: string;
  @Field(() => PositionLevel, { nullable: true, description: 'Level.' }) level?: PositionLevel;
}
