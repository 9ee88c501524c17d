import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
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
    @Mutation(() => LoginPayload, { description: 'Signs in with email and password; UNAUTHENTICATED when either is wrong.' })
    login(@Ctx() ctx: RequestContext, @Arg('email', () => String) email: string, @Arg('password', () => String) password: string) {
      return auth.login(ctx, tokens, email, password);
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
