import type { ServiceLimits, ServiceScopes } from '@appraisal/domain';
import { Entity, Index, Property } from '@mikro-orm/core';
import { EditableEntity } from '../../core/record.js';

/** A reporting tool's account (write model): scopes, limits, expiry and the hash of its token's secret. */
@Entity({ tableName: 'service_account' })
export class ServiceAccountEntity extends EditableEntity {
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'uuid' })
  @Index()
  ownerEmployeeId!: string;

  @Property({ type: 'json' })
  scopes!: ServiceScopes;

  @Property({ type: 'json' })
  limits!: ServiceLimits;

  /** Hex SHA-256 of the secret (`hashServiceSecret`); the token is shown once and never stored. */
  @Property({ type: 'string', length: 64, columnType: 'char(64)', hidden: true })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  revokedByUserId: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  revokedReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByUserId: string | null = null;
}
