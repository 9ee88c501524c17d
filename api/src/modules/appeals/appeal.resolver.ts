import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../../core/connection.js';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { ArgLimits } from '../../core/input-limits.js';
import { appealDashboard, appealInScope, handlersOf, listAppeals, myStatementRequests, notesOf, resultVersions, statementsOf } from './appeal.read.js';
import { addAppealNote, answerStatement, assignAppealHandler, closeAppeal, decideAppeal, fileAppeal, requestStatement, runAppealFlags, startAppealReview, withdrawAppeal } from './appeal.service.js';
import {
  AppealDashboardView,
  AppealDecisionInput,
  AppealHandlerRoleValue,
  AppealHandlerView,
  AppealNode,
  AppealNoteView,
  AppealResultVersionView,
  AppealsArgs,
  FileAppealInput,
  StatementRequestInput,
  StatementRequestNode,
} from './appeal.types.js';

const AppealConnection = connectionType(AppealNode, 'Appeal');

@Resolver(() => AppealNode)
export class AppealResolver {
  @Query(() => AppealConnection, { description: 'Appeals: HR all; others the ones they filed or HR assigned them. Default order: due date, soonest first.' })
  appeals(@Ctx() ctx: RequestContext, @Args(() => AppealsArgs) args: AppealsArgs, @Info() info: GraphQLResolveInfo) {
    return listAppeals(ctx, args, info);
  }

  @Query(() => AppealNode, { description: 'One appeal; NOT_FOUND when absent or outside the caller\'s scope.' })
  async appeal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const found = await appealInScope(ctx, id);
    if (!found) throw notFound('Appeal', id);
    return found;
  }

  @Query(() => AppealDashboardView, { description: 'HR\'s appeal desk: open, overdue, near-due and decided appeals.' })
  appealDashboard(@Ctx() ctx: RequestContext) {
    return appealDashboard(ctx);
  }

  @Query(() => [StatementRequestNode], { description: 'Statements HR asked of the caller as a rater (the question and the shared excerpt only).' })
  myStatementRequests(@Ctx() ctx: RequestContext, @Arg('answered', () => Boolean, { nullable: true, description: 'True: answered only; false: open only.' }) answered?: boolean | null) {
    return myStatementRequests(ctx, answered ?? null);
  }

  @Mutation(() => AppealNode, { description: 'The appraised person appeals their published result (or an approved ledger entry) inside the scheme\'s appeal window; due N working days later.' })
  fileAppeal(@Ctx() ctx: RequestContext, @Arg('input', () => FileAppealInput) input: FileAppealInput) {
    return fileAppeal(ctx, input);
  }

  @Mutation(() => AppealNode, { description: 'HR assigns a handler (a committee member only where the scheme lets the committee handle appeals).' })
  assignAppealHandler(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('employeeId', () => ID) employeeId: string, @Arg('role', () => AppealHandlerRoleValue) role: AppealHandlerRoleValue) {
    return assignAppealHandler(ctx, id, employeeId, role);
  }

  @Mutation(() => AppealNode, { description: 'A handler starts the investigation (filed -> under review).' })
  startAppealReview(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return startAppealReview(ctx, id, version);
  }

  @Mutation(() => AppealNode, { description: 'A handler adds an investigation note (HR and handlers read notes).' })
  @ArgLimits({ text: 'comment' })
  addAppealNote(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('text', () => String) text: string) {
    return addAppealNote(ctx, id, text);
  }

  @Mutation(() => AppealNode, { description: 'A handler asks a rater of the appealed result for a statement, sharing only the excerpt chosen.' })
  requestStatement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => StatementRequestInput) input: StatementRequestInput) {
    return requestStatement(ctx, id, input);
  }

  @Mutation(() => StatementRequestNode, { description: 'The rater gives the statement asked of them (once).' })
  @ArgLimits({ statement: 'comment' })
  answerStatement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('statement', () => String) statement: string) {
    return answerStatement(ctx, id, statement);
  }

  @Mutation(() => AppealNode, { description: 'A handler decides an appeal under review: upheld (a result is re-scored as a new version, pay and ledger re-issued; an entry reversed) or rejected with a reason.' })
  decideAppeal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('decision', () => AppealDecisionInput) decision: AppealDecisionInput) {
    return decideAppeal(ctx, id, version, decision);
  }

  @Mutation(() => AppealNode, { description: 'HR closes a decided appeal (an upheld one once its correction is in place).' })
  closeAppeal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return closeAppeal(ctx, id, version);
  }

  @Mutation(() => AppealNode, { description: 'The appellant withdraws their appeal before it is decided, with a reason.' })
  @ArgLimits({ reason: 'comment' })
  withdrawAppeal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String) reason: string) {
    return withdrawAppeal(ctx, id, version, reason);
  }

  @Mutation(() => Int, { description: 'Runs today\'s appeal flags now (HR; the daily job does it at 08:00): inbox tasks for near-due and overdue appeals. Returns the items delivered.' })
  async runAppealFlags(@Ctx() ctx: RequestContext) {
    return (await runAppealFlags(ctx)).delivered;
  }

  @FieldResolver(() => [AppealNoteView], { description: 'Investigation notes, oldest first (HR and handlers).' })
  notes(@Root() a: AppealNode, @Ctx() ctx: RequestContext) {
    return notesOf(ctx).load(a.id);
  }

  @FieldResolver(() => [StatementRequestNode], { description: 'Statements asked of raters (HR and handlers).' })
  statements(@Root() a: AppealNode, @Ctx() ctx: RequestContext) {
    return statementsOf(ctx).load(a.id);
  }

  @FieldResolver(() => [AppealHandlerView], { description: 'Who HR assigned (HR and handlers).' })
  handlers(@Root() a: AppealNode, @Ctx() ctx: RequestContext) {
    return handlersOf(ctx).load(a.id);
  }

  @FieldResolver(() => AppealResultVersionView, { nullable: true, description: 'The appealed result version (result appeals).' })
  previousResult(@Root() a: AppealNode, @Ctx() ctx: RequestContext) {
    return a.resultId ? resultVersions(ctx).load(a.resultId) : null;
  }

  @FieldResolver(() => AppealResultVersionView, { nullable: true, description: 'The re-scored result version of an upheld result appeal.' })
  newResult(@Root() a: AppealNode, @Ctx() ctx: RequestContext) {
    return a.newResultId ? resultVersions(ctx).load(a.newResultId) : null;
  }
}
