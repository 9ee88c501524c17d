import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Sign-in attempts per account (`account:<email>`) and per client address (`address:<ip>`), kept in
 * PostgreSQL so every API replica counts the same attempts. Rows are updated under a row lock.
 */
@Entity({ tableName: 'sign_in_throttle' })
export class SignInThrottle {
  @PrimaryKey({ type: 'string', length: 300 })
  key!: string;

  /** Attempts since the last success (or since the counter went stale). */
  @Property({ type: 'integer' })
  attempts: Opt<number> = 0;

  @Property({ type: 'datetime' })
  lastAttemptAt: Opt<Date> = new Date();

  /** No attempt is checked before this moment. */
  @Property({ type: 'datetime', nullable: true })
  lockedUntil: Date | null = null;
}
