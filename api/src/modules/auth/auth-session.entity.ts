import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from './user.entity.js';

/**
 * One signed-in session: the token carries its id (`sid`). Revoking the row signs the token out
 * (logout, password change, deactivation), across every API replica.
 */
@Entity({ tableName: 'auth_session' })
@Index({ properties: ['user'] })
export class AuthSession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** Why it ended: "logout", "passwordChanged", "deactivated". */
  @Property({ type: 'string', length: 32, nullable: true })
  revokedReason: string | null = null;
}
