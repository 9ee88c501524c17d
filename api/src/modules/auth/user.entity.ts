import { Entity, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { EditableRecord } from '../../core/record.js';
import { Role } from '../../core/roles.js';
import { Employee } from '../org/employee.entity.js';

@ObjectType({ description: 'A sign-in account. An account may hold several roles and may belong to an employee.' })
@Entity({ tableName: 'app_user' })
export class User extends EditableRecord {
  @Field(() => String, { description: 'Sign-in email, unique (stored lower-case).' })
  @Property({ type: 'string', length: 200 })
  @Unique()
  email!: string;

  /** argon2id hash; never exposed. */
  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Field(() => String, { description: 'Name shown in the console.' })
  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Field(() => [Role], { description: 'Roles held by the account.' })
  @Property({ type: 'text[]' })
  roles: Role[] = [];

  @ManyToOne({ entity: () => Employee, nullable: true, deleteRule: 'set null' })
  employee: Employee | null = null;

  @Field(() => String, { description: 'Preferred console language: "en" or "zh".' })
  @Property({ type: 'string', length: 8 })
  locale: Opt<string> = 'en';

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
