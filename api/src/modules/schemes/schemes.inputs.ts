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
  @Field(() => String, { description: 'Stable rule code, e.g. "section_weights_sum"; the domain message catalog translates it.' }) code!: string;
  @Field(() => String, { description: 'What is wrong, in the engine\'s English (see text for a translated sentence).' }) message!: string;
  @Field(() => JSONResolver, { nullable: true, description: 'Values the translated message interpolates (expected, actual, ids, variant), as the engine reports them.' })
  params!: Record<string, unknown> | null;
  @Field(() => LocalText, { description: 'What is wrong as a sentence in English and Chinese, with the names of the sections, items and grades it concerns.' })
  text!: LocalText;
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

@InputType({ description: 'One work ticket: its hours and the completion level recorded for it.' })
export class PreviewTicketInput {
  @Limit('shortText') @Field(() => String, { description: 'Hours of the ticket (decimal text).' }) hours!: string;
  @Limit('code') @Field(() => String, { description: 'Completion level code of the pay component, e.g. "onTime".' }) level!: string;
}

@InputType({ description: 'A sample member of the preview group: a sample total (or a full appraisal) and their pay facts.' })
export class PreviewMemberInput {
  @Field(() => String, { description: 'Id of the member (an employee id or any label), unique in the group.' }) id!: string;
  @Limit('name') @Field(() => String, { nullable: true, description: 'Name to show.' }) name?: string;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Sample final score; graded by the scheme\'s bands. Required without an appraisal.' }) total?: string;
  @Limit('document') @Field(() => JSONResolver, { nullable: true, description: 'A full AppraisalInput instead of a total (scored by the engine).' }) appraisal?: unknown;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Pay base (or day\'s wage).' }) payBase?: string;
  @Limit('code') @Field(() => String, { nullable: true, description: 'Pay group id for output pay.' }) payGroup?: string;
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Man-hours for output pay (completion from the total).' }) manHours?: string;
  @Field(() => [PreviewTicketInput], { nullable: true, description: 'Work tickets for output pay with completion levels.' }) tickets?: PreviewTicketInput[];
}

@InputType({ description: 'The rest of a preview group; the sample appraisal is always one of its members.' })
export class PreviewGroupInput {
  @Field(() => [PreviewMemberInput], { description: 'The other members (at most 500).' }) members!: PreviewMemberInput[];
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
  @Limit('shortText') @Field(() => String, { nullable: true, description: 'Man-hours of the sample person for output pay (completion from the appraisal total).' }) manHours?: string;
  @Field(() => [PreviewTicketInput], { nullable: true, description: 'Work tickets of the sample person for output pay with completion levels.' }) tickets?: PreviewTicketInput[];
  @Limit('document') @Field(() => JSONResolver, { nullable: true, description: 'Group-level inputs of an output value formula, e.g. { "revenue": "1200000", "kilogramsProduced": "60000" }.' })
  outputInputs?: unknown;
  @Field(() => PreviewGroupInput, {
    nullable: true,
    description: 'Other people priced with the sample appraisal, so floating pay, pool shares, output pay and quotas come out as in a cycle. Without it the sample is priced alone.',
  })
  group?: PreviewGroupInput;
}

@ObjectType({ description: 'One pay line of a preview.' })
export class SchemePayLine {
  @Field(() => String, { description: 'Pay component id ("adjustments" for money and work-hour adjustments).' }) component!: string;
  @Field(() => String, { description: 'Amount, 2 decimals.' }) amount!: string;
  @Field(() => String, { description: 'How it was computed, in the engine\'s English (see explanation).' }) detail!: string;
  @Field(() => LocalText, { description: 'How it was computed, in words, in English and Chinese.' }) explanation!: LocalText;
  /** Whose line it is (the preview groups lines by person); not a field. */
  employeeId?: string;
}

@ObjectType({ description: 'A quota of the scheme checked against the preview group.' })
export class SchemeQuotaCheck {
  @Field(() => String, { description: 'Grade the quota is stated for.' }) grade!: string;
  @Field(() => [String], { description: 'Grades it counts (with the better or worse ones when cumulative).' }) grades!: string[];
  @Field(() => String, { description: '"max" or "min".' }) bound!: string;
  @Field(() => String, { description: 'Percent of the group.' }) percent!: string;
  @Field(() => Int, { description: 'Head count the percent allows (max) or requires (min) in this group.' }) limit!: number;
  @Field(() => Int, { description: 'Head count in the group.' }) actual!: number;
  @Field(() => Boolean, { description: 'True when the group keeps the quota.' }) ok!: boolean;
}

@ObjectType({ description: 'One member of a preview group with their total, grade and pay.' })
export class SchemeGroupMember {
  @Field(() => String, { description: 'Member id.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Name given.' }) name!: string | null;
  @Field(() => Boolean, { description: 'True for the sample appraisal of the form.' }) sample!: boolean;
  @Field(() => String, { description: 'Final score.' }) total!: string;
  @Field(() => String, { nullable: true, description: 'Grade id.' }) grade!: string | null;
  @Field(() => LocalText, { nullable: true, description: 'Grade label.' }) gradeLabel!: LocalText | null;
  @Field(() => [SchemePayLine], { description: 'Pay lines (empty when the group could not be priced).' }) pay!: SchemePayLine[];
  @Field(() => String, { nullable: true, description: 'Pay total of the member (null when the group could not be priced).' }) payTotal!: string | null;
}

@ObjectType({ description: 'The preview group priced together: members, average, pool and output value, quotas.' })
export class SchemeGroupPreview {
  @Field(() => Int, { description: 'Number of members, the sample included.' }) size!: number;
  @Field(() => String, { description: 'Average total of the group (what floating pay compares with).' }) average!: string;
  @Field(() => String, { nullable: true, description: 'Output value used for output pay (given, or computed by the component\'s formula).' }) outputValue!: string | null;
  @Field(() => [SchemeGroupMember], { description: 'Members in input order, the sample first.' }) members!: SchemeGroupMember[];
  @Field(() => [SchemeQuotaCheck], { description: 'Every quota of the scheme against this group.' }) quotas!: SchemeQuotaCheck[];
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
  @Field(() => [SchemePayLine], { description: 'Pay lines of the sample appraisal (empty when pay could not be computed).' }) pay!: SchemePayLine[];
  @Field(() => SchemeGroupPreview, { nullable: true, description: 'The group priced with the sample, when a group was given.' }) group!: SchemeGroupPreview | null;
  /** Resolved per locale by the resolver. */
  trace!: TraceStep[];
  scheme!: SchemeDefinition | null;
}
