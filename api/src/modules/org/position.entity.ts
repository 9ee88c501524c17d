import { Entity, Enum, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { CodedRecord, Node } from '../../core/record.js';
import { Department } from './department.entity.js';

export enum PositionLevel {
  EMPLOYEE = 'EMPLOYEE',
  TEAM_LEADER = 'TEAM_LEADER',
  MIDDLE_CADRE = 'MIDDLE_CADRE',
  SENIOR = 'SENIOR',
}
registerEnumType(PositionLevel, {
  name: 'PositionLevel',
  description: 'Level of a position, used by schemes to pick who is assessed how (e.g. middle cadres half-yearly).',
});

@ObjectType({ implements: Node, description: 'A job position within a department, e.g. "Night auditor" or "Welder".' })
@Entity({ tableName: 'position' })
export class Position extends CodedRecord {
  @ManyToOne({ entity: () => Department, deleteRule: 'restrict' })
  department!: Department;

  @Field(() => PositionLevel, { description: 'Level of the position.' })
  @Enum({ items: () => PositionLevel, type: 'string' })
  level!: PositionLevel;

  @Field(() => Boolean, { description: 'False once deactivated.' })
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
