import type { MikroORM } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import type { Clock } from './clock.js';
import type { RequestContext } from './context.js';
import type { ReadDb } from './db.js';
import type { Logger } from './logger.js';

/**
 * Background jobs on pg-boss, in the same PostgreSQL as the data: a job is queued in the transaction's database,
 * survives restarts, and several API replicas share the work (pg-boss takes each job once, with SKIP LOCKED).
 *
 * Every job must be idempotent and resumable: a replica can die (kill -9) in the middle of one; pg-boss retries
 * it after `expireInSeconds`, and at start-up each job's `resume` re-queues the work it finds interrupted in the
 * data (a cycle still `RUNNING` its launch). Running the same job twice must change nothing the second time.
 *
 * The queues themselves are created by a migration (see Migration20261127014500), because the application's
 * role may not create tables; `start` refuses a job whose queue is missing.
 */
export interface JobDefinition<T extends object> {
  /** The pg-boss queue, e.g. 'cycle.launch'. */
  name: string;
  /** Does the work. `ctx` is a fresh context with no actor (a system job); services take it like a request's. */
  run(ctx: RequestContext, data: T): Promise<void>;
  /** Work found interrupted at start-up, to queue again (idempotent jobs make this safe on every replica). */
  resume?(ctx: RequestContext): Promise<Array<{ data: T; singletonKey: string }>>;
  /**
   * A cron schedule (pg-boss `schedule`, stored in `pgboss.schedule`, so every replica agrees and one job is queued
   * per tick), with the data each scheduled run gets. Example: `{ cron: '0 8 * * *', tz: 'Asia/Shanghai', data: {} }`.
   */
  schedule?: { cron: string; tz: string; data: T };
}

/** Options of one send. */
export interface SendOptions {
  /**
   * Debounce (pg-boss `sendDebounced`): at most one job of this key per slot of this many seconds; a send within a
   * slot that already had one queues one for the next slot instead (unless one is queued already).
   */
  debounceSeconds?: number;
}

/** What services see: queue a job, at most one queued per singleton key. */
export interface JobQueue {
  send<T extends object>(name: string, data: T, singletonKey: string, options?: SendOptions): Promise<void>;
}

/** A queue that refuses: contexts built outside the server (benchmarks, scripts) have no job runner. */
export const noJobs: JobQueue = {
  send: async (name) => {
    throw new Error(`background job ${name} cannot be queued here: no job runner`);
  },
};

interface PgClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}
interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}

export interface JobRunnerDeps {
  orm: MikroORM;
  db: ReadDb;
  log: Logger;
  clock: Clock;
  /** Builds a context for one job run (the server passes its own factory so jobs see the same loaders and clock). */
  context(requestId: string): RequestContext;
  /**
   * Seconds between polls of each queue (pg-boss' minimum is 0.5). Jobs queued by this process wake their worker at
   * once (`notifyWorker`), so polling only finds work queued by other replicas or retried after a failure: it can be
   * slow, and each poll is a statement on the pool the requests use.
   */
  pollingIntervalSeconds?: number;
  /**
   * Whether this process runs jobs (default true). False: it only queues them (`send`) for a worker replica, and
   * neither polls, nor runs schedules, nor resumes interrupted work (JOB_WORKER=false in the environment).
   */
  work?: boolean;
}

/** Default seconds between polls: work queued here starts at once, elsewhere within this time. */
export const DEFAULT_JOB_POLLING_SECONDS = 10;

export class JobRunner implements JobQueue {
  private boss: PgBoss | null = null;
  /** Set once stop() has waited for running jobs: the pool may be closed after it. */
  private stopped = false;
  private readonly definitions = new Map<string, JobDefinition<object>>();
  /** pg-boss worker id per queue this process works, to wake it when it queues a job itself. */
  private readonly workers = new Map<string, string>();

  constructor(private readonly deps: JobRunnerDeps) {}

  define<T extends object>(definition: JobDefinition<T>): this {
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
    this.definitions.set(definition.name, definition as unknown as JobDefinition<object>);
    return this;
  }

  /** Starts polling every defined queue, then re-queues interrupted work (a worker); a queue-only process just connects. */
  async start(): Promise<void> {
    const { orm, log } = this.deps;
    const working = this.deps.work ?? true;
    // pg-boss runs its statements on MikroORM's pool: no second pool, and the same connection settings.
    const client = (orm.em.getConnection().getKnex() as unknown as { client: KnexClient }).client;
    const isStopped = () => this.stopped;
    const boss = new PgBoss({
      db: {
        async executeSql(text: string, values?: unknown[]) {
          // A job that outlived stop()'s wait reports its end after the pool may be gone; pg-boss does not catch that
          // rejection (an unhandled one). Its bookkeeping is dropped instead: the job expires and is retried elsewhere.
          // No rows at all (not an empty list): pg-boss's complete/fail read `rows[0].count` of a list and crashed the
          // process at shutdown on an empty one, while they count a missing list as nothing done. Workers have stopped
          // fetching by then, so no other statement reads it.
          if (isStopped()) return { rows: null as unknown as unknown[], rowCount: 0 };
          const connection = await client.acquireConnection();
          try {
            return await connection.query(text, values);
          } finally {
            await client.releaseConnection(connection);
          }
        },
      },
      schema: 'pgboss',
      migrate: false,
      // Cron is on only when a job has a schedule (pg-boss then checks the schedules every 30 seconds).
      schedule: working && [...this.definitions.values()].some((d) => d.schedule),
      supervise: working,
    });
    boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));
    await boss.start();
    this.boss = boss;
    for (const definition of this.definitions.values())
      if (!(await boss.getQueue(definition.name))) throw new Error(`job queue ${definition.name} does not exist: create it in a migration`);
    if (!working) return;
    const pollingIntervalSeconds = this.deps.pollingIntervalSeconds ?? DEFAULT_JOB_POLLING_SECONDS;
    for (const definition of this.definitions.values()) {
      const workerId = await boss.work<object>(definition.name, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
        if (!job) return;
        const started = Date.now();
        try {
          await definition.run(this.deps.context(`job:${job.id}`), job.data);
          log.info({ job: definition.name, id: job.id, ms: Date.now() - started }, 'job done');
        } catch (error) {
          log.error({ err: error, job: definition.name, id: job.id }, 'job failed');
          throw error;
        }
      });
      this.workers.set(definition.name, workerId);
    }
    for (const definition of this.definitions.values())
      if (definition.schedule) await boss.schedule(definition.name, definition.schedule.cron, definition.schedule.data, { tz: definition.schedule.tz, singletonKey: `${definition.name}:cron` });
    for (const definition of this.definitions.values()) {
      if (!definition.resume) continue;
      for (const again of await definition.resume(this.deps.context(`resume:${definition.name}`))) {
        await this.send(definition.name, again.data, again.singletonKey);
        log.info({ job: definition.name, singletonKey: again.singletonKey }, 'interrupted job queued again');
      }
    }
  }

  async send<T extends object>(name: string, data: T, singletonKey: string, options: SendOptions = {}): Promise<void> {
    if (!this.boss) throw new Error(`background job ${name} cannot be queued: the job runner is not started`);
    // A null id means a job with this key is already queued (stately policy), or one was queued in this slot and one
    // for the next (debounce): the work will happen.
    const id = options.debounceSeconds
      ? await this.boss.sendDebounced(name, data, {}, Math.max(1, Math.round(options.debounceSeconds)), singletonKey)
      : await this.boss.send(name, data, { singletonKey });
    // Work queued here starts now rather than at the next poll (a worker busy with a job fetches again when done).
    const workerId = this.workers.get(name);
    if (id && workerId) this.boss.notifyWorker(workerId);
  }

  /** Stops taking jobs and waits (bounded) for running ones; an unfinished one is retried by another replica. */
  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    this.stopped = true;
  }
}
