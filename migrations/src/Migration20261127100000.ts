import { Migration } from '@mikro-orm/migrations';

/**
 * HR closing the rating phase of a cycle (`cycle_rating_close`: one row per cycle with the close job's status and
 * progress). The `cycle.closeRatingPhase` queue exists already (Migration20261127014500). Frozen with its cycle.
 */
export class Migration20261127100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "cycle_rating_close" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "cycle_id" uuid not null, "status" text check ("status" in ('RUNNING', 'DONE', 'FAILED')) not null default 'RUNNING', "progress" jsonb not null, "closed_by_user_id" uuid null, constraint "cycle_rating_close_pkey" primary key ("id"));`);
    this.addSql(`alter table "cycle_rating_close" add constraint "cycle_rating_close_cycle_id_unique" unique ("cycle_id");`);
    this.addSql(`alter table "cycle_rating_close" add constraint "cycle_rating_close_cycle_id_foreign" foreign key ("cycle_id") references "cycle" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cycle_rating_close" cascade;`);
  }
}
