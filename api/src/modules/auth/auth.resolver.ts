import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { ArgLimits } from '../../core/input-limits.js';
import type { TokenService } from '../../core/tokens.js';
import { EmployeeNode } from '../org/org.types.js';
import * as auth from './auth.service.js';
import { User } from './user.entity.js';

@ObjectType({ description: 'A signed token for the `Authorization: Bearer` header, and the account it signs in.' })
export class LoginPayload {
  @Field(() => String, { description: 'JWT to send as `Authorization: Bearer <token>`.' })
  token!: string;
  @Field(() => Date, { description: 'When the token stops working.' })
  expiresAt!: Date;
  @Field(() => User, { description: 'The signed-in account.' })
  user!: User;
}

/** Built with the token service so the resolver stays free of configuration lookups. */
export function createAuthResolver(tokens: TokenService) {
  @Resolver(() => User)
  class AuthResolver {
    @Mutation(() => LoginPayload, {
      description:
        'Signs in with email and password; UNAUTHENTICATED when either is wrong, TOO_MANY_REQUESTS (with `params.retryAfterSeconds`) after repeated failures for the email or from the address.',
    })
    @ArgLimits({ email: 'email', password: 'password' })
    login(@Ctx() ctx: RequestContext, @Arg('email', () => String) email: string, @Arg('password', () => String) password: string) {
      return auth.login(ctx, tokens, email, password);
    }

    @Mutation(() => Boolean, { description: 'Signs out: the token of this request stops working at once, on every server.' })
    logout(@Ctx() ctx: RequestContext) {
      return auth.logout(ctx);
    }

    @Mutation(() => LoginPayload, {
      description: 'Changes your password (at least 10 characters). Every session of the account ends; the payload signs you in again.',
    })
    @ArgLimits({ currentPassword: 'password', newPassword: 'password' })
    changePassword(
      @Ctx() ctx: RequestContext,
      @Arg('currentPassword', () => String) currentPassword: string,
      @Arg('newPassword', () => String) newPassword: string,
    ) {
      return auth.changePassword(ctx, tokens, currentPassword, newPassword);
    }

    @Mutation(() => User, { description: 'Deactivates an account (HR, ADMIN): it can no longer sign in and its sessions end at once.' })
    deactivateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
      return auth.deactivateUser(ctx, id, version);
    }

    @Mutation(() => Boolean, { description: 'Lifts the sign-in lock of an email after repeated failures (HR, ADMIN); true when there was one.' })
    @ArgLimits({ email: 'email' })
    unlockSignIn(@Ctx() ctx: RequestContext, @Arg('email', () => String) email: string) {
      return auth.unlockSignIn(ctx, email);
    }

    @Query(() => User, { description: 'The signed-in account; UNAUTHENTICATED without a valid token.' })
    me(@Ctx() ctx: RequestContext) {
      return auth.currentUser(ctx);
    }

    @FieldResolver(() => EmployeeNode, { nullable: true, description: 'The employee this account belongs to, if any.' })
    employee(@Root() user: User, @Ctx() ctx: RequestContext) {
      return user.employee ? ctx.loaders.employee.load(user.employee.id) : null;
    }
  }
  return AuthResolver;
}
