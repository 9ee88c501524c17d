import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Limit } from '../../core/input-limits.js';
import { PageArgs, SortDirection } from '../../core/connection.js';
import { ImportRowError } from '../org/employee-import.service.js';
import { IndicatorScoringMethod, MeasurementSource } from './indicator.entity.js';

// ---- indicators --------------------------------------------------------------------------------

@InputType({ description: 'Which indicators to list; all conditions must hold.' })
export class IndicatorFilter {
  @Limit('searchTerm') @Field(() => String, { nullable: true, description: 'Matches code, names, description or a tag (contains).' }) q?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' }) ids?: string[];
  @Field(() => ID, { nullable: true, description: 'Only this category.' }) categoryId?: string;
  @Field(() => IndicatorScoringMethod, { nullable: true, description: 'Only this scoring method.' }) scoringMethod?: IndicatorScoringMethod;
  @Field(() => MeasurementSource, { nullable: true, description: 'Only this measurement source.' }) measurementSource?: MeasurementSource;
  @Limit('searchTerm') @Field(() => String, { nullable: true, description: 'Only indicators carrying this tag.' }) tag?: string;
  @Field(() => ID, { nullable: true, description: 'Only indicators that list this department.' }) departmentId?: string;
  @Field(() => ID, { nullable: true, description: 'Only indicators that list this position.' }) positionId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Active or retired; both when omitted.' }) active?: boolean;
}

export enum IndicatorSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  CATEGORY = 'CATEGORY',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(IndicatorSortField, { name: 'IndicatorSortField', description: 'Fields indicators can be sorted by.' });

@InputType({ description: 'One sort key for indicators.' })
export class IndicatorSort {
  @Field(() => IndicatorSortField, { description: 'Field to sort by.' }) field!: IndicatorSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class IndicatorsArgs extends PageArgs {
  @Field(() => IndicatorFilter, { nullable: true, description: 'Filter.' }) filter?: IndicatorFilter;
  @Field(() => [IndicatorSort], { nullable: true, description: 'Sort keys, first one first; ties end by id.' }) sort?: IndicatorSort[];
}

@InputType({ description: 'A new indicator.' })
export class CreateIndicatorInput {
  @Limit('code') @Field(() => String, { description: 'Unique code: 1-32 letters, digits, dots, dashes or underscores.' }) code!: string;
  @Limit('name') @Field(() => String, { description: 'Name in English.' }) name!: string;
  @Limit('name') @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh?: string | null;
  @Limit('longText') @Field(() => String, { nullable: true, description: 'What is assessed and how.' }) description?: string | null;
  @Field(() => ID, { description: 'Category.' }) categoryId!: string;
  @Field(() => IndicatorScoringMethod, { description: 'Scoring method.' }) scoringMethod!: IndicatorScoringMethod;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Lowest points (decimal text); not used by deduction and pass/fail.' }) minPoints?: string | null;
  @Limit('shortText') @Field(() => String, { description: 'Full marks (decimal text).' }) maxPoints!: string;
  @Field(() => MeasurementSource, { description: 'Measurement source.' }) measurementSource!: MeasurementSource;
  @Field(() => [ID], { nullable: true, description: 'Departments it is meant for.' }) applicableDepartmentIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Positions it is meant for.' }) applicablePositionIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Tags.' }) tags?: string[];
}

@InputType({ description: 'Changes to an indicator; omitted fields stay as they are.' })
export class UpdateIndicatorInput {
  @Field(() => Int, { description: 'The version you read; a stale one is a CONFLICT.' }) version!: number;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Unique code.' }) code?: string;
  @Limit('name') @Field(() => String, { nullable: true, description: 'Name in English.' }) name?: string;
  @Limit('name') @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh?: string | null;
  @Limit('longText') @Field(() => String, { nullable: true, description: 'Description.' }) description?: string | null;
  @Field(() => ID, { nullable: true, description: 'Category.' }) categoryId?: string;
  @Field(() => IndicatorScoringMethod, { nullable: true, description: 'Scoring method.' }) scoringMethod?: IndicatorScoringMethod;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Lowest points; null clears it.' }) minPoints?: string | null;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Full marks.' }) maxPoints?: string;
  @Field(() => MeasurementSource, { nullable: true, description: 'Measurement source.' }) measurementSource?: MeasurementSource;
  @Field(() => [ID], { nullable: true, description: 'Departments it is meant for.' }) applicableDepartmentIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Positions it is meant for.' }) applicablePositionIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Tags.' }) tags?: string[];
}

// ---- categories --------------------------------------------------------------------------------

@InputType({ description: 'Which indicator categories to list.' })
export class IndicatorCategoryFilter {
  @Limit('searchTerm') @Field(() => String, { nullable: true, description: 'Matches code or names (contains).' }) q?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' }) ids?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Active or retired; both when omitted.' }) active?: boolean;
}

export enum IndicatorCategorySortField {
  CODE = 'CODE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(IndicatorCategorySortField, { name: 'IndicatorCategorySortField', description: 'Fields indicator categories can be sorted by.' });

@InputType({ description: 'One sort key for indicator categories.' })
export class IndicatorCategorySort {
  @Field(() => IndicatorCategorySortField, { description: 'Field to sort by.' }) field!: IndicatorCategorySortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class IndicatorCategoriesArgs extends PageArgs {
  @Field(() => IndicatorCategoryFilter, { nullable: true, description: 'Filter.' }) filter?: IndicatorCategoryFilter;
  @Field(() => [IndicatorCategorySort], { nullable: true, description: 'Sort keys.' }) sort?: IndicatorCategorySort[];
}

@InputType({ description: 'A new indicator category.' })
export class CreateIndicatorCategoryInput {
  @Limit('code') @Field(() => String, { description: 'Unique code.' }) code!: string;
  @Limit('orgName') @Field(() => String, { description: 'Name in English.' }) name!: string;
  @Limit('orgName') @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh?: string | null;
}

@InputType({ description: 'Changes to an indicator category.' })
export class UpdateIndicatorCategoryInput {
  @Field(() => Int, { description: 'The version you read.' }) version!: number;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Unique code.' }) code?: string;
  @Limit('orgName') @Field(() => String, { nullable: true, description: 'Name in English.' }) name?: string;
  @Limit('orgName') @Field(() => String, { nullable: true, description: 'Name in Chinese.' }) nameZh?: string | null;
}

// ---- import ------------------------------------------------------------------------------------

@InputType({ description: 'A sheet to check (dryRun) or apply.' })
export class ImportFileInput {
  @Limit('shortText') @Field(() => String, { description: 'File name; its extension (.xlsx or .csv) decides how it is read.' }) fileName!: string;
  @Limit('base64File') @Field(() => String, { description: 'File content, base64-encoded (at most 10 MB).' }) contentBase64!: string;
  @Field(() => Boolean, { description: 'true: only report problems. false: write every row, or none when any row is bad.' }) dryRun!: boolean;
}

@ObjectType({ description: 'The result of checking or applying an imported sheet.' })
export class ImportReport {
  @Field(() => Boolean, { description: 'Whether this was a dry run.' }) dryRun!: boolean;
  @Field(() => Int, { description: 'Data rows read.' }) totalRows!: number;
  @Field(() => Int, { description: 'Rows without problems.' }) validRows!: number;
  @Field(() => Boolean, { description: 'True when the rows were written (never partly).' }) applied!: boolean;
  @Field(() => Int, { description: 'Records created.' }) created!: number;
  @Field(() => Int, { description: 'Records updated.' }) updated!: number;
  @Field(() => [ImportRowError], { description: 'Every problem found, by row.' }) errors!: ImportRowError[];
}
