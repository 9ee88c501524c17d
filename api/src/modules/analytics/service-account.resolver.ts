import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { ArgLimits } from '../../core/input-limits.js';
import { createServiceAccount, listServiceAccounts, revokeServiceAccount, rotateServiceToken, serviceAccountInScope } from './service-account.service.js';
import { ServiceAccountCreated, ServiceAccountInput, ServiceAccountNode, ServiceAccountsArgs } from './service-account.types.js';

export const ServiceAccountConnection = connectionType(ServiceAccountNode, 'ServiceAccount');

@Resolver(() => ServiceAccountNode)
export class ServiceAccountResolver {
  @Query(() => ServiceAccountConnection, { description: 'Service accounts of reporting tools: ADMIN all; anyone else the tools they own.' })
  serviceAccounts(@Ctx() ctx: RequestContext, @Args(() => ServiceAccountsArgs) args: ServiceAccountsArgs, @Info() info: GraphQLResolveInfo) {
    return listServiceAccounts(ctx, args, info);
  }

  @Query(() => ServiceAccountNode, { description: 'One service account; NOT_FOUND when absent or not the caller\'s to see.' })
  async serviceAccount(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const found = await serviceAccountInScope(ctx, id);
    if (!found) throw notFound('ServiceAccount', id);
    return found;
  }

  @Mutation(() => ServiceAccountCreated, { description: 'Creates a read-only service account (ADMIN); the token is in the payload, shown this once.' })
  createServiceAccount(@Ctx() ctx: RequestContext, @Arg('input', () => ServiceAccountInput) input: ServiceAccountInput) {
    return createServiceAccount(ctx, input);
  }

  @Mutation(() => ServiceAccountCreated, { description: 'Replaces an account\'s token (ADMIN): the old one stops working; the new one is shown this once. Stale version: CONFLICT.' })
  rotateServiceToken(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int, { description: 'Version read.' }) version: number) {
    return rotateServiceToken(ctx, id, version);
  }

  @Mutation(() => ServiceAccountNode, { description: 'Revokes an account (ADMIN): its token stops working at the next request. Stale version: CONFLICT.' })
  @ArgLimits({ reason: 'shortText' })
  revokeServiceAccount(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: 'Version read.' }) version: number,
    @Arg('reason', () => String, { nullable: true, description: 'Why (kept in the audit trail).' }) reason?: string | null,
  ) {
    return revokeServiceAccount(ctx, id, version, reason);
  }
}
