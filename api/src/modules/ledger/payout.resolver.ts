import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { ArgLimits } from '../../core/input-limits.js';
import { listLedgerEntries } from './ledger.read.js';
import { LedgerEntryConnection } from './ledger.resolver.js';
import { LedgerEntriesArgs } from './ledger.types.js';
import { batchLinesOf, createPayoutBatch, exportPayoutBatch, listPayoutBatches, payoutBatchById, transitionPayoutBatch } from './payout.service.js';
import { CreatePayoutBatchInput, PayoutBatchActionValue, PayoutBatchesArgs, PayoutBatchExportView, PayoutBatchLineView, PayoutBatchNode } from './payout.types.js';

export const PayoutBatchConnection = connectionType(PayoutBatchNode, 'PayoutBatch');

@Resolver(() => PayoutBatchNode)
export class PayoutBatchResolver {
  @Query(() => PayoutBatchConnection, { description: 'Payout batches: HR all; the approver those submitted or approved.' })
  payoutBatches(@Ctx() ctx: RequestContext, @Args(() => PayoutBatchesArgs) args: PayoutBatchesArgs, @Info() info: GraphQLResolveInfo) {
    return listPayoutBatches(ctx, args, info);
  }

  @Query(() => PayoutBatchNode, { description: 'One payout batch; NOT_FOUND when absent or outside the caller\'s scope.' })
  payoutBatch(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return payoutBatchById(ctx, id);
  }

  @Query(() => PayoutBatchExportView, { description: 'The payroll workbook (.xlsx) of an approved batch: one row per person per component, a totals row and the checksum (HR, APPROVER; audited).' })
  exportPayoutBatch(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return exportPayoutBatch(ctx, id);
  }

  @Mutation(() => PayoutBatchNode, { description: 'Builds a payout batch of an accounting month from approved unpaid payroll entries (HR, audited).' })
  createPayoutBatch(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePayoutBatchInput) input: CreatePayoutBatchInput) {
    return createPayoutBatch(ctx, input);
  }

  @Mutation(() => PayoutBatchNode, { description: 'Submits, approves (two-person rule), rejects (back to draft) or cancels a batch (audited).' })
  @ArgLimits({ reason: 'comment' })
  transitionPayoutBatch(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('action', () => PayoutBatchActionValue) action: PayoutBatchActionValue,
    @Arg('reason', () => String, { nullable: true, description: 'Required to reject or cancel.' }) reason?: string | null,
  ) {
    return transitionPayoutBatch(ctx, id, version, action, reason);
  }

  @FieldResolver(() => [PayoutBatchLineView], { description: 'The payroll lines frozen at approval (empty before).' })
  lines(@Root() b: PayoutBatchNode, @Ctx() ctx: RequestContext) {
    return b.status === 'approved' ? batchLinesOf(ctx, b.id) : [];
  }

  @FieldResolver(() => LedgerEntryConnection, { description: 'The entries of the batch (each with its own field rules).' })
  entries(@Root() b: PayoutBatchNode, @Ctx() ctx: RequestContext, @Args(() => LedgerEntriesArgs) args: LedgerEntriesArgs, @Info() info: GraphQLResolveInfo) {
    return listLedgerEntries(ctx, { ...args, filter: { ...(args.filter ?? {}), batchId: b.id } }, info);
  }
}
