import type { Actor, RoleName } from '@appraisal/domain';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { fixedClock } from '../core/clock.js';
import { createRequestContext, type RequestContext } from '../core/context.js';
import { createReadDb } from '../core/db.js';
import { createLogger } from '../core/logger.js';
import { hashPassword } from '../core/passwords.js';
import { postApprovedEntry } from '../modules/ledger/generated.service.js';
import { approveLedgerEntry, proposeLedgerEntry, proposeTeamIncident, reverseLedgerEntry } from '../modules/ledger/ledger.service.js';
import { createPayoutBatch, transitionPayoutBatch } from '../modules/ledger/payout.service.js';

/**
 * The ledger's demo data (docs/ledger-honors-design.md §8), written through the services:
 * - entries generated from the demo cycles' published results are posted by publication itself (publishCycle);
 * - hotel audit (April 2026): overtime +35 and a good deed +60 (approved), a guest complaint deduction (approved),
 *   and (June) one proposal waiting for HR;
 * - workshop: workwear twice, a rationalisation reward of 200 yuan, a team hygiene penalty of 7 hours split three
 *   ways (2.34 / 2.33 / 2.33), and a reversal of one workwear entry waiting for a second HR person;
 * - two honour awards of May 2026 (payroll money);
 * - payout batches: May 2026 (calendar months) prepared by hr@ and approved by approver@; the workshop's 26th-25th
 *   month submitted and awaiting approval (a calendar June batch when no workshop pay is posted).
 * The department heads who propose (hotel audit manager, workshop director) get sign-in-less accounts (inactive).
 */
export async function seedDemoLedger(rootEm: EntityManager): Promise<void> {
  const em = rootEm.fork();
  const connection = em.getConnection();
  if ((await connection.execute<Array<{ n: number }>>(`select count(*)::int as n from ledger_entry where source_kind in ('manual', 'team')`))[0]?.n) return;
  const db = createReadDb({ em: rootEm } as unknown as MikroORM);
  const log = createLogger('warn');
  const clock = fixedClock('2026-06-10');
  const people = new Map(
    (await connection.execute<Array<{ id: string; employee_number: string }>>(`select id, employee_number from employee where employee_number in ('HA001', 'HAN001', 'HAN002', 'HAI001', 'WS001', 'WSW001', 'WSW002', 'WSW003', 'WSI001', 'HAN003', 'HAI002')`)).map((r) => [r.employee_number, r.id]),
  );
  const person = (n: string) => {
    const id = people.get(n);
    if (!id) throw new Error(`demo ledger: no employee ${n}`);
    return id;
  };
  const accounts = new Map((await connection.execute<Array<{ id: string; email: string; roles: RoleName[]; employee_id: string | null }>>(`select id, email, roles, employee_id from app_user where email like '%@demo.local'`)).map((a) => [a.email, a]));
  const passwordHash = await hashPassword(`${Math.random()}${Date.now()}`);
  // Proposers without a sign-in: the hotel audit manager and the workshop director (supervisors of their lines).
  for (const [email, number, name] of [
    ['ha001@seed.local', 'HA001', 'Hotel audit manager'],
    ['ws001@seed.local', 'WS001', 'Zhang Qiang (workshop director)'],
  ] as const) {
    const [row] = await connection.execute<Array<{ id: string }>>(
      `insert into app_user (id, created_at, updated_at, email, password_hash, display_name, roles, employee_id, locale, active)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, '{SUPERVISOR,EMPLOYEE}', ?, 'en', false) returning id`,
      [email, passwordHash, name, person(number)],
    );
    accounts.set(email, { id: row?.id as string, email, roles: ['SUPERVISOR', 'EMPLOYEE'], employee_id: person(number) });
  }
  const ctxOf = (email: string): RequestContext => {
    const a = accounts.get(email);
    if (!a) throw new Error(`demo ledger: no account ${email}`);
    const actor: Actor = { userId: a.id, employeeId: a.employee_id, roles: a.roles };
    return createRequestContext({ requestId: 'seed-ledger', actor, em: rootEm.fork(), db, log, clock });
  };
  const hr = ctxOf('hr@demo.local');
  const hotel = ctxOf('ha001@seed.local');
  const workshop = ctxOf('ws001@seed.local');
  const approve = async (e: { id: string; version: number }) => approveLedgerEntry(ctxOf('hr@demo.local'), e.id, e.version);

  // Hotel audit (points, settled through the month's appraisal).
  await approve(await proposeLedgerEntry(hotel, { ruleCode: 'hotel.overtimeDiligence', employeeId: person('HAN001'), occurredOn: '2026-04-12', quantity: '35', evidence: 'Stayed four hours after the night audit to close the month-end statements.' }));
  await approve(await proposeLedgerEntry(hotel, { ruleCode: 'hotel.goodDeed', employeeId: person('HAN002'), occurredOn: '2026-04-18', quantity: '60', evidence: 'Returned a guest\'s lost wallet with 3,000 yuan in it.' }));
  await approve(await proposeLedgerEntry(hotel, { ruleCode: 'hotel.complaint', employeeId: person('HAI001'), occurredOn: '2026-04-21', evidence: 'Guest complaint about a wrong room-rent charge on departure.' }));
  await proposeLedgerEntry(hotel, { ruleCode: 'hotel.proposalAdopted', employeeId: person('HAN001'), occurredOn: '2026-06-03', quantity: '40', evidence: 'Proposal to reconcile credit-card slips at shift change, adopted by finance.' });

  // Workshop (working hours and money, the 26th-25th accounting month).
  const workwear = await approve(await proposeLedgerEntry(workshop, { ruleCode: 'ws.workwear', employeeId: person('WSW001'), occurredOn: '2026-05-14', count: 2, evidence: 'No helmet on the welding line, twice in one shift.' }));
  await approve(await proposeLedgerEntry(workshop, { ruleCode: 'ws.rationalisation', employeeId: person('WSI001'), occurredOn: '2026-05-20', quantity: '200', evidence: 'Jig change that halves the set-up time of the intermediate press.' }));
  const team = await proposeTeamIncident(workshop, {
    ruleCode: 'ws.hygiene',
    occurredOn: '2026-05-22',
    quantity: '7',
    members: [{ employeeId: person('WSW001') }, { employeeId: person('WSW002') }, { employeeId: person('WSW003') }],
    evidence: 'Welding bay 2 left with slag and oil on the floor at the end of the shift (joint responsibility of the bay).',
  });
  for (const share of team) await approve(share);
  await reverseLedgerEntry(ctxOf('hr@demo.local'), workwear.id, 'Second helmet check was the same incident recorded twice; a second HR person confirms.');

  // Honour awards paid through payroll (May 2026).
  const tx = rootEm.fork();
  await tx.transactional(async (t) => {
    for (const [n, amount] of [['HA001', '2000'], ['HAN003', '1500']] as const)
      await postApprovedEntry(t, { ruleCode: 'group.honorExcellentEmployee', employeeId: person(n), occurredOn: '2026-05-28', quantity: amount, evidence: 'Excellent employee of the group, first half of 2026.', sourceKind: 'manual', idempotencyKey: `demo:honor:${n}` }, hr.actor);
  });

  // Payout batches: May 2026 approved by the approver; the workshop month (or June) awaiting approval.
  const may = await createPayoutBatch(ctxOf('hr@demo.local'), { periodKey: '2026-05' });
  if (may.entryCount > 0) {
    const submitted = await transitionPayoutBatch(ctxOf('hr@demo.local'), may.id, may.version, 'submit');
    await transitionPayoutBatch(ctxOf('approver@demo.local'), submitted.id, submitted.version, 'approve');
  }
  // The workshop's latest month with pay posted from a published result (output pay, converted hours).
  const [latest] = await connection.execute<Array<{ period_key: string | null }>>(
    `select max(period_key) as period_key from ledger_entry where accounting_month = 'workshop' and settlement = 'payroll' and status = 'approved' and money is not null`,
  );
  let pending = latest?.period_key ? await createPayoutBatch(ctxOf('hr@demo.local'), { periodKey: latest.period_key, accountingMonth: 'workshop', includeEarlier: true }) : null;
  if (!pending || pending.entryCount === 0) {
    if (pending) await transitionPayoutBatch(ctxOf('hr@demo.local'), pending.id, pending.version, 'cancel', 'No workshop pay posted for the month yet.');
    await tx.fork().transactional((t) =>
      postApprovedEntry(t, { ruleCode: 'group.honorExcellentTeam', employeeId: person('HAI002'), occurredOn: '2026-06-05', quantity: '1200', evidence: 'Welding bay 1: excellent team of the month.', sourceKind: 'manual', idempotencyKey: 'demo:honor:team:HAI002' }, hr.actor),
    );
    pending = await createPayoutBatch(ctxOf('hr@demo.local'), { periodKey: '2026-06' });
  }
  if (pending.entryCount > 0) await transitionPayoutBatch(ctxOf('hr@demo.local'), pending.id, pending.version, 'submit');
}
