import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { listNotices, noticeInScope, reachOf } from './notice.read.js';
import { acknowledgeNotice, publishNotice, readNotice, saveNotice, withdrawNotice } from './notice.service.js';
import { NoticeInput, NoticeNode, NoticeReachRowView, NoticesArgs } from './notice.types.js';

const NoticeConnection = connectionType(NoticeNode, 'Notice');

@Resolver(() => NoticeNode)
export class NoticeResolver {
  @Query(() => NoticeConnection, { description: 'Notices: HR all; people the visible ones addressed to them. Pinned first, newest first by default.' })
  notices(@Ctx() ctx: RequestContext, @Args(() => NoticesArgs) args: NoticesArgs, @Info() info: GraphQLResolveInfo) {
    return listNotices(ctx, args, info);
  }

  @Query(() => NoticeNode, { description: 'One notice; NOT_FOUND when absent or outside the caller\'s scope.' })
  async notice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const found = await noticeInScope(ctx, id);
    if (!found) throw notFound('Notice', id);
    return found;
  }

  @Mutation(() => NoticeNode, { description: 'Writes a notice (HR): a new draft, or with id and version an edit of a draft. Checked by the domain: both languages, Markdown without raw HTML, an audience, times.' })
  saveNotice(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => NoticeInput) input: NoticeInput,
    @Arg('id', () => ID, { nullable: true, description: 'The draft to edit; absent: a new draft.' }) id?: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'The draft\'s version as read (optimistic lock).' }) version?: number | null,
  ) {
    return saveNotice(ctx, input, id, version);
  }

  @Mutation(() => NoticeNode, { description: 'Publishes a draft (HR): delivered now, or at its scheduled time by a background job.' })
  publishNotice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return publishNotice(ctx, id, version);
  }

  @Mutation(() => NoticeNode, { description: 'Withdraws a published notice (HR): recipients no longer see it.' })
  withdrawNotice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return withdrawNotice(ctx, id, version);
  }

  @Mutation(() => NoticeNode, { description: 'The caller reads a notice addressed to them (receipt and inbox item marked read; idempotent).' })
  readNotice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return readNotice(ctx, id);
  }

  @Mutation(() => NoticeNode, { description: 'The caller acknowledges a notice that asks for it (idempotent; audited).' })
  acknowledgeNotice(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return acknowledgeNotice(ctx, id);
  }

  @FieldResolver(() => [NoticeReachRowView], { description: 'Delivered / read / acknowledged overall (first row) and per department (HR).' })
  reach(@Root() n: NoticeNode, @Ctx() ctx: RequestContext) {
    return reachOf(ctx).load(n.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who wrote it; null for generated notices (HR).' })
  async createdBy(@Root() n: NoticeNode, @Ctx() ctx: RequestContext) {
    if (!n.createdByUserId) return null;
    return (await ctx.db.rows<{ name: string }>(sql`select display_name as name from app_user where id = ${n.createdByUserId}`))[0]?.name ?? null;
  }
}
