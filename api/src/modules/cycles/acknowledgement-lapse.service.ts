import { appraisalWorkflow, nextState } from '@appraisal/domain';
import { ORGANIZATION_TIME_ZONE } from '../../core/clock.js';
import type { RequestContext } from '../../core/context.js';
import { sql } from '../../core/db.js';
import type { JobDefinition } from '../../core/jobs.js';
import { inTransaction } from '../../core/transaction.js';
import { recordAudit } from '../audit/audit.service.js';

/** What one run of the lapse job did. */
export interface LapseRun {
  /** Appraisals recorded as lapsed by this run. */
  lapsed: number;
}

/**
 * `acknowledgement.lapse`: every published result still unanswered after its acknowledgement due day (and not
 * covered by an HR reopening of the acknowledgement window that runs until today or later) is recorded as lapsed
 * (`appraisalWorkflow` `lapse`: state `lapsed`, `lapsed_at`), one audit entry per appraisal, in one transaction.
 * A lapsed result is never counted as acknowledged; the employee may still appeal it. Closed cycles are frozen and
 * left alone. Idempotent: a second run finds nothing (the update only touches `published` rows).
 */
export async function lapseOverdueAcknowledgements(ctx: RequestContext): Promise<LapseRun> {
  const today = ctx.clock.today();
  const step = nextState(appraisalWorkflow, 'published', 'lapse', { roles: [], acknowledgementWindowPassed: true });
  if (!step.ok) throw new Error(`the appraisal workflow refuses lapsing: ${step.issue.code}`);
  const due = await ctx.db.rows<{ id: string; due: string }>(
    sql`select a.id, a.acknowledgement_due::text as due from appraisal a join cycle c on c.id = a.cycle_id
        where a.state = 'published' and a.acknowledgement_due < ${today}::date and c.state = 'published'
          and not exists (select 1 from phase_reopening r where r.cycle_id = a.cycle_id and r."window" = 'acknowledgement' and r.until >= ${today}::date
                            and (r.scope_kind = 'CYCLE' or r.appraisal_id = a.id))
        order by a.id`,
  );
  if (due.length === 0) return { lapsed: 0 };
  let lapsed = 0;
  await inTransaction(ctx, async (em) => {
    const tx = em.getTransactionContext();
    const updated = await em.getConnection().execute<Array<{ id: string; due: string }>>(
      `update appraisal set state = ?, lapsed_at = now(), version = version + 1, updated_at = now()
       where id = any(?::uuid[]) and state = 'published' returning id, acknowledgement_due::text as due`,
      [step.to, `{${due.map((d) => d.id).join(',')}}`], // a Postgres array literal: MikroORM would expand a JS array into a list
      'all',
      tx,
    );
    for (const u of updated)
      recordAudit(em, ctx, { operation: 'lapseAcknowledgement', entityType: 'Appraisal', entityId: u.id, before: { state: 'published' }, after: { state: step.to, due: u.due, today } });
    lapsed = updated.length;
    await em.flush();
  });
  ctx.log.info({ lapsed, today }, 'acknowledgements lapsed');
  return { lapsed };
}

/** `acknowledgement.lapse`: every day at 00:15 (Asia/Shanghai), unanswered results past their due day are recorded as lapsed. */
export const acknowledgementLapseJob: JobDefinition<Record<string, never>> = {
  name: 'acknowledgement.lapse',
  run: async (ctx) => {
    await lapseOverdueAcknowledgements(ctx);
  },
  schedule: { cron: '15 0 * * *', tz: ORGANIZATION_TIME_ZONE, data: {} },
};
