import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type ListArgs, listArgsType, sortInputType, type SortKey } from '../../core/connection.js';
import { Limit } from '../../core/input-limits.js';
import { Node, RecordNode } from '../../core/record.js';

export enum ServiceTokenStatusValue {
  ACTIVE = 'active',
  EXPIRED = 'expired',
  REVOKED = 'revoked',
}
registerEnumType(ServiceTokenStatusValue, { name: 'ServiceTokenStatus', description: 'active (the token works), expired (past its expiry) or revoked (by ADMIN).' });

@ObjectType('ServiceScope', { simpleResolvers: true, description: 'What a token reads of one GraphQL type: named fields or every grantable one, pay only when granted.' })
export class ServiceScopeView {
  @Field(() => String, { description: 'The GraphQL type, e.g. "Appraisal".' }) type!: string;
  @Field(() => [String], { nullable: true, description: 'The fields granted; null when every grantable field is.' }) fields!: string[] | null;
  @Field(() => Boolean, { description: 'True when the type\'s pay fields are granted too.' }) pay!: boolean;
}

@ObjectType('ServiceLimits', { simpleResolvers: true, description: 'Per-token limits: requests and query cost per minute, the largest single query and page.' })
export class ServiceLimitsView {
  @Field(() => Int, { description: 'Requests per minute (refilled continuously).' }) requestsPerMinute!: number;
  @Field(() => Int, { description: 'Requests that may arrive at once before the per-minute rate applies.' }) burst!: number;
  @Field(() => Int, { description: 'Cost units per minute (a field costs 1; a page multiplies its selection by its size).' }) costPerMinute!: number;
  @Field(() => Int, { description: 'A single query above this cost is refused before it runs.' }) maxQueryCost!: number;
  @Field(() => Int, { description: 'The largest page (`first`) the token may ask for.' }) maxPageSize!: number;
}

/** The read model of a service account: a plain row with its facts (never the token). */
@ObjectType('ServiceAccount', { implements: Node, simpleResolvers: true, description: 'A reporting tool\'s read-only account: scopes, limits, expiry and status. The token is shown once when created or rotated, and stored hashed.' })
export class ServiceAccountNode extends RecordNode {
  declare __typename: 'ServiceAccount';
  @Field(() => String, { description: 'Name of the tool, e.g. "BI dashboard".' }) name!: string;
  @Field(() => ID, { description: 'The employee responsible for the tool.' }) owner!: string;
  @Field(() => [ServiceScopeView], { description: 'The types and fields the token reads.' }) scopes!: ServiceScopeView[];
  @Field(() => ServiceLimitsView, { description: 'Rate and cost limits of the token.' }) limits!: ServiceLimitsView;
  @Field(() => Date, { description: 'When the token stops working.' }) expiresAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When ADMIN revoked it; null while not revoked.' }) revokedAt!: Date | null;
  @Field(() => ServiceTokenStatusValue, { description: 'active, expired or revoked.' }) status!: ServiceTokenStatusValue;
  @Field(() => Date, { nullable: true, description: 'When the token was last used (to the minute); null when never.' }) lastUsedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The account (user id) that created it.' }) createdBy!: string | null;
  @Field(() => ID, { nullable: true, description: 'The account (user id) that revoked it.' }) revokedBy!: string | null;
}

@ObjectType('ServiceAccountCreated', { simpleResolvers: true, description: 'A new or rotated token: shown this once, never again (only its hash is kept).' })
export class ServiceAccountCreated {
  @Field(() => ServiceAccountNode, { description: 'The account.' }) account!: ServiceAccountNode;
  @Field(() => String, { description: 'The bearer token `sat_<id>_<secret>`; store it now, it cannot be shown again.' }) token!: string;
}

@InputType({ description: 'What a token reads of one type.' })
export class ServiceScopeInput {
  @Field(() => String, { description: 'The GraphQL type, e.g. "Appraisal".' }) @Limit('code') type!: string;
  @Field(() => [String], { nullable: true, description: 'Fields granted; omit or null for every grantable field of the type.' }) @Limit('code') fields?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Grant the type\'s pay fields too (default false).' }) pay?: boolean | null;
}

@InputType({ description: 'Per-token limits; omitted ones take the defaults (60 requests/min, burst 10, cost 200,000/min, 50,000 per query, pages of 1,000).' })
export class ServiceLimitsInput {
  @Field(() => Int, { nullable: true, description: 'Requests per minute.' }) requestsPerMinute?: number | null;
  @Field(() => Int, { nullable: true, description: 'Burst of requests.' }) burst?: number | null;
  @Field(() => Int, { nullable: true, description: 'Cost units per minute.' }) costPerMinute?: number | null;
  @Field(() => Int, { nullable: true, description: 'Largest cost of one query.' }) maxQueryCost?: number | null;
  @Field(() => Int, { nullable: true, description: 'Largest page.' }) maxPageSize?: number | null;
}

@InputType({ description: 'A new service account (ADMIN).' })
export class ServiceAccountInput {
  @Field(() => String, { description: 'Name of the tool (1-100 characters).' }) @Limit('name') name!: string;
  @Field(() => ID, { description: 'The employee responsible for the tool.' }) ownerEmployeeId!: string;
  @Field(() => [ServiceScopeInput], { description: 'Types and fields the token reads (read-only).' }) scopes!: ServiceScopeInput[];
  @Field(() => Date, { description: 'When the token stops working: in the future, at most a year ahead.' }) expiresAt!: Date;
  @Field(() => ServiceLimitsInput, { nullable: true, description: 'Limits; defaults when omitted.' }) limits?: ServiceLimitsInput | null;
}

export enum ServiceAccountSortField {
  NAME = 'NAME',
  EXPIRES_AT = 'EXPIRES_AT',
}
registerEnumType(ServiceAccountSortField, { name: 'ServiceAccountSortField', description: 'What service accounts can be ordered by.' });

export const ServiceAccountSort = sortInputType('ServiceAccountSort', ServiceAccountSortField, 'service accounts');
export type ServiceAccountSort = SortKey<ServiceAccountSortField>;

@InputType({ description: 'Which service accounts to list.' })
export class ServiceAccountFilter {
  @Field(() => ServiceTokenStatusValue, { nullable: true, description: 'Only accounts in this status.' }) status?: ServiceTokenStatusValue | null;
}

export const ServiceAccountsArgs = listArgsType(ServiceAccountFilter, ServiceAccountSort, 'name');
export type ServiceAccountsArgs = ListArgs<ServiceAccountFilter, ServiceAccountSort>;
