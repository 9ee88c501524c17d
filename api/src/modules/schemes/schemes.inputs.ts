import type { SchemeDefinition, TraceStep } from '@appraisal/domain';
import { Limit } from '../../core/input-limits.js';
import { JSONResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../../core/connection.js';
import { LocalText } from './scheme-document.types.js';
import { SchemePeriod, SchemeStatus } from './scheme.entity.js';

// ---- listing ---------------------------------------------------------------------------------

@InputType({ description: 'Which schemes to list; all conditions must hold.' })
export class SchemeFilter {
  @Limit('searchTerm') @Field(() => String, { nullable: true, description: 'Matches code or names (contains).' }) q?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these ids.' }) ids?: string[];
  @Field(() => SchemeStatus, { nullable: true, description: 'Only this status.' }) status?: SchemeStatus;
  @Field(() => SchemePeriod, { nullable: true, description: 'Only this period type.' }) periodType?: SchemePeriod;
}

export enum SchemeSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(SchemeSortField, { name: 'SchemeSortField', description: 'Fields schemes can be sorted by.' });

@InputType({ description: 'One sort key for schemes.' })
export class SchemeSort {
  @Field(() => SchemeSortField, { description: 'Field to sort by.' }) field!: SchemeSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction: SortDirection = SortDirection.ASC;
}

@ArgsType()
export class SchemesArgs extends PageArgs {
  @Field(() => SchemeFilter, { nullable: true, description: 'Filter.' }) filter?: SchemeFilter;
  @Field(() => [SchemeSort], { nullable: true, description: 'Sort keys, first one first; ties end by id.' }) sort?: SchemeSort[];
}

// ---- writing ---------------------------------------------------------------------------------

@InputType({ description: 'A new scheme. Its code, names and period are written into the document.' })
export class CreateSchemeInput {
  @Limit('code') @Field(() => String, { description: 'Unique code: a letter, then letters, digits or _ (max 64).' }) code!: string;
  @Limit('name') @Field(() => String, { description: 'Name in English.' }) name!: string;
  @Limit('name') @Field(() => String, { nullable: true, description: 'Name in Chinese (defaults to the English name in the document).' }) nameZh?: string | null;
  @Field(() => SchemePeriod, { description: 'Period one appraisal covers.' }) periodType!: SchemePeriod;
  @Field(() => [ID], { nullable: true, description: 'Departments it applies to (with sub-departments); empty = all.' }) applicableDepartmentIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Positions it applies to; empty = all.' }) applicablePositionIds?: string[];
  @Limit('document') @Field(() => JSONResolver, { nullable: true, description: 'The draft document; defaults to a minimal valid skeleton. Must validate.' }) document?: unknown;
}

@InputType({ description: 'Changes to a scheme; omitted fields stay. A document replaces the draft (one is started from the latest version if there is none).' })
export class UpdateSchemeInput {
  @Field(() => Int, { description: 'The version you read; a stale one is a CONFLICT.' }) version!: number;
  @Limit('name') @Field(() => String, { nullable: true, description: 'Name in English (default: the document\'s English name).' }) name?: string;
  @Limit('name') @Field(() => String, { nullable: true, description: 'Name in Chinese (default: the document\'s Chinese name).' }) nameZh?: string | null;
  @Field(() => SchemePeriod, { nullable: true, description: 'Period (default: the document\'s period).' }) periodType?: SchemePeriod;
  @Field(() => [ID], { nullable: true, description: 'Departments it applies to; empty = all.' }) applicableDepartmentIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Positions it applies to; empty = all.' }) applicablePositionIds?: string[];
  @Limit('document') @Field(() => JSONResolver, { nullable: true, description: 'The new draft document; must validate.' }) document?: unknown;
}

// ---- validation and preview --------------------------------------------------------------------

@ObjectType({ description: 'One problem the engine found, with where it is and which rule it broke.' })
export class SchemeIssue {
  @Field(() => String, { description: 'Path into the checked document or input, e.g. "sections[1].weight".' }) path!: string;
  @Field(() => String, { description: 'Stable rule code, e.g. "weights_sum".' }) code!: string;
  @Field(() => String, { description: 'What is wrong, in English.' }) message!: string;
}

@ObjectType({ description: 'The result of validating a scheme document: every issue, never only the first.' })
export class SchemeValidation {
  @Field(() => Boolean, { description: 'True when there is no issue.' }) valid!: boolean;
  @Field(() => [SchemeIssue], { description: 'Every issue found.' }) issues!: SchemeIssue[];
}

@ObjectType({ description: 'One of the five seed programs, usable as a template.' })
export class SchemeTemplate {
  @Field(() => String, { description: 'Template key, e.g. "nursing".' }) key!: string;
  @Field(() => LocalText, { description: 'Name.' }) name!: LocalText;
  @Field(() => SchemePeriod, { description: 'Period.' }) period!: SchemePeriod;
  @Field(() => JSONResolver, { description: 'The scheme document.' }) document!: SchemeDefinition;
}

@InputType({ description: 'What to preview: a saved scheme (its draft, or a published version) or an unsaved document, with one sample appraisal.' })
export class PreviewSchemeInput {
  @Field(() => ID, { nullable: true, description: 'A saved scheme: HR previews its draft (or latest version without a draft); others its latest published version.' })
  schemeId?: string;
  @Field(() => Int, { nullable: true, description: 'A published version number of the saved scheme.' }) versionNumber?: number;
  @Limit('document') @Field(() => JSONResolver, { nullable: true, description: 'An unsaved document (HR).' }) document?: unknown;
  @Limit('document') @Field(() => JSONResolver, {
    description: 'The engine\'s AppraisalInput: { employeeId, participated?, ratings: [{ section, role, items: { itemId: { points | level | occurrences | values | passed } } }], adjustments?, facts? }.',
  })
  appraisal!: unknown;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Pay base (or day\'s wage) for per-person pay rules and floating pay.' }) payBase?: string;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Bonus pool for score-weighted pool splits (the sample person alone gets all of it).' }) pool?: string;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Output value of the period for output pay.' }) outputValue?: string;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Pay group id of the sample person for output pay.' }) payGroup?: string;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Man-hours of the sample person for output pay.' }) manHours?: string;
}

@ObjectType({ description: 'One pay line of a preview.' })
export class SchemePayLine {
  @Field(() => String, { description: 'Pay component id ("adjustments" for money and work-hour adjustments).' }) component!: string;
  @Field(() => String, { description: 'Amount, 2 decimals.' }) amount!: string;
  @Field(() => String, { description: 'How it was computed.' }) detail!: string;
}

@ObjectType({ description: 'One section score of a preview.' })
export class SchemePreviewSection {
  @Field(() => String, { description: 'Section id.' }) id!: string;
  @Field(() => String, { description: 'Section score.' }) score!: string;
  @Field(() => String, { nullable: true, description: 'Section weight in percent.' }) weight!: string | null;
}

@ObjectType({ description: 'A sample appraisal computed by the engine: total, grade, pay and the explanation; numbers are null when invalid.' })
export class SchemePreview {
  @Field(() => Boolean, { description: 'True when the scheme and the sample inputs have no issue.' }) valid!: boolean;
  @Field(() => [SchemeIssue], { description: 'Scheme, input or pay problems.' }) issues!: SchemeIssue[];
  @Field(() => String, { nullable: true, description: 'Final score.' }) total!: string | null;
  @Field(() => String, { nullable: true, description: 'Weighted (or summed) section scores before adjustments.' }) weighted!: string | null;
  @Field(() => String, { nullable: true, description: 'Plus/minus points applied.' }) adjustmentPoints!: string | null;
  @Field(() => String, { nullable: true, description: 'Money from money and work-hour adjustments (hours converted at the scheme\'s hour rate); signed.' })
  adjustmentMoney!: string | null;
  @Field(() => String, { nullable: true, description: 'Grade id.' }) grade!: string | null;
  @Field(() => LocalText, { nullable: true, description: 'Grade label.' }) gradeLabel!: LocalText | null;
  @Field(() => [SchemePreviewSection], { description: 'Section scores.' }) sections!: SchemePreviewSection[];
  @Field(() => [SchemePayLine], { description: 'Pay lines (empty when pay could not be computed).' }) pay!: SchemePayLine[];
  /** Resolved per locale by the resolver. */
  trace!: TraceStep[];
  scheme!: SchemeDefinition | null;
}
