import type { AccountingMonthDefinition, HolidayRange, MakeUpWorkday, Weekday } from '@appraisal/domain';
import { ArrayType, Entity, Property, Unique } from '@mikro-orm/core';
import { EditableEntity } from '../../core/record.js';

/** One year of HR's work calendar (write model): weekend days, holidays, make-up working days, accounting months. */
@Entity({ tableName: 'work_calendar_year' })
export class WorkCalendarYear extends EditableEntity {
  @Property({ type: 'integer' })
  @Unique()
  year!: number;

  @Property({ type: new ArrayType<number>((i) => Number(i)), columnType: 'smallint[]' })
  weekendDays!: Weekday[];

  @Property({ type: 'json' })
  holidays!: HolidayRange[];

  @Property({ type: 'json' })
  makeUpWorkdays!: MakeUpWorkday[];

  @Property({ type: 'json' })
  accountingMonths!: AccountingMonthDefinition[];
}
