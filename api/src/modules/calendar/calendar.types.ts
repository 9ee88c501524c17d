import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Node, RecordNode } from '../../core/record.js';
import { LocalDateScalar } from '../../core/scalars.js';
import { LocalText } from '../schemes/scheme-document.types.js';

@ObjectType('CalendarHoliday', { simpleResolvers: true, description: 'A public holiday: a named range of days off, both ends inclusive.' })
export class CalendarHoliday {
  @Field(() => LocalDateScalar, { description: 'First day off.' }) from!: string;
  @Field(() => LocalDateScalar, { description: 'Last day off.' }) to!: string;
  @Field(() => LocalText, { description: 'Name of the holiday in English and Chinese.' }) name!: LocalText;
}

@ObjectType('CalendarMakeUpDay', { simpleResolvers: true, description: 'A weekend day worked this year to bridge a holiday (调休上班日).' })
export class CalendarMakeUpDay {
  @Field(() => LocalDateScalar, { description: 'The weekend day that is worked.' }) date!: string;
  @Field(() => LocalText, { description: 'The holiday it belongs to.' }) name!: LocalText;
}

@ObjectType('AccountingMonth', { simpleResolvers: true, description: 'A named way of cutting months for accounting, e.g. the workshop\'s 26th-25th month.' })
export class AccountingMonthView {
  @Field(() => String, { description: 'Code a scheme names in its schedule, e.g. "workshop".' }) code!: string;
  @Field(() => LocalText, { description: 'Name in English and Chinese.' }) name!: LocalText;
  @Field(() => Int, { description: 'Day of the month an accounting month starts on (1-28).' }) monthStartDay!: number;
}

/** The read model of a calendar year: a plain row. */
@ObjectType('WorkCalendarYear', { implements: Node, simpleResolvers: true, description: 'One year of the work calendar: weekend days, public holidays, make-up working days and accounting months. Deadlines are computed on it.' })
export class WorkCalendarYearNode extends RecordNode {
  declare __typename: 'WorkCalendarYear';

  @Field(() => Int, { description: 'The calendar year.' }) year!: number;
  @Field(() => [Int], { description: 'Weekday numbers that are days off (0 = Sunday ... 6 = Saturday).' }) weekendDays!: number[];
  @Field(() => [CalendarHoliday], { description: 'Public holidays, in date order.' }) holidays!: CalendarHoliday[];
  @Field(() => [CalendarMakeUpDay], { description: 'Weekend days worked to bridge holidays.' }) makeUpWorkdays!: CalendarMakeUpDay[];
  @Field(() => [AccountingMonthView], { description: 'Accounting-month conventions in force this year (calendar months always exist as "calendar").' })
  accountingMonths!: AccountingMonthView[];
}

@ObjectType('CalendarDay', { simpleResolvers: true, description: 'What a date is on the work calendar.' })
export class CalendarDayView {
  @Field(() => LocalDateScalar, { description: 'The date.' }) date!: string;
  @Field(() => Boolean, { description: 'True on a working day (a weekday that is no holiday, or a make-up day).' }) working!: boolean;
  @Field(() => LocalText, { nullable: true, description: 'The holiday that makes it a day off, if any.' }) holiday!: LocalText | null;
  @Field(() => LocalText, { nullable: true, description: 'The holiday a make-up working day bridges, if it is one.' }) makeUp!: LocalText | null;
  @Field(() => Boolean, { description: 'False when HR has not entered this date\'s year: holidays are then unknown.' }) yearEntered!: boolean;
}

@InputType('LocalTextInput', { description: 'A text in English and Chinese.' })
export class LocalTextInput {
  @Field(() => String, { description: 'English.' }) en!: string;
  @Field(() => String, { description: 'Chinese.' }) zh!: string;
}

@InputType({ description: 'A public holiday as the official notice states it.' })
export class CalendarHolidayInput {
  @Field(() => LocalDateScalar, { description: 'First day off.' }) from!: string;
  @Field(() => LocalDateScalar, { description: 'Last day off.' }) to!: string;
  @Field(() => LocalTextInput, { description: 'Name.' }) name!: LocalTextInput;
}

@InputType({ description: 'A make-up working day.' })
export class CalendarMakeUpDayInput {
  @Field(() => LocalDateScalar, { description: 'The weekend day that is worked.' }) date!: string;
  @Field(() => LocalTextInput, { description: 'The holiday it belongs to.' }) name!: LocalTextInput;
}

@InputType({ description: 'An accounting-month convention.' })
export class AccountingMonthInput {
  @Field(() => String, { description: 'Code, an identifier; not "calendar".' }) code!: string;
  @Field(() => LocalTextInput, { description: 'Name.' }) name!: LocalTextInput;
  @Field(() => Int, { description: 'Day of the month it starts on (1-28).' }) monthStartDay!: number;
}

@InputType({ description: 'One whole calendar year as HR enters it; saving replaces the year.' })
export class WorkCalendarYearInput {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => [Int], { description: 'Weekday numbers that are days off (0 = Sunday).' }) weekendDays!: number[];
  @Field(() => [CalendarHolidayInput], { description: 'Public holidays.' }) holidays!: CalendarHolidayInput[];
  @Field(() => [CalendarMakeUpDayInput], { description: 'Make-up working days.' }) makeUpWorkdays!: CalendarMakeUpDayInput[];
  @Field(() => [AccountingMonthInput], { description: 'Accounting-month conventions.' }) accountingMonths!: AccountingMonthInput[];
}
