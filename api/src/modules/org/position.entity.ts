import { Entity, Enum, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { CodedEntity } from '../../core/record.js';
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

/** A job position within a department (write model). Reads go through position.read.ts. */
@Entity({ tableName: 'position' })
export class Position extends CodedEntity {
  @ManyToOne({ entity: () => Department, deleteRule: 'restrict' })
  department!: Department;

  @Enum({ items: () => PositionLevel, type: 'string' })
  level!: PositionLevel;

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
