import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { employeeIdOf, loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { cycleVersion, ratedWardCycle, type WardCycle } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Appeals end to end on the ward cycle (nursing, Part 5 pay), on the 2025 work calendar: National Day 1-8 October,
 * Saturday 11 October a make-up working day. Published and filed on Thursday 9 October: the answer is due 7 working
 * days later, Friday 17 October (10, 11 (Sat, worked), 13, 14, 15, 16, 17).
 */
let server: TestServer;
let ward: WardCycle;
let hr: string;
let employee: string; // NUMED001, score 99
let other: string; // NUMED002
let third: string; // NUMED003
let rater: string; // NUMED00, the head nurse (rater of the ward)
let committee: string;
const clock = fixedClock('2025-10-09');
const appraisal = (n: string) => ward.appraisalOf.get(n) as string;
const sqlRows = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

const APPEAL = 'id version state filedOn windowCloses dueOn flags { overdue nearDue workingDaysLeft } grounds outcome reason target { kind appraisalId periodKey }';
const FILE = `mutation($i: FileAppealInput!) { fileAppeal(input: $i) { ${APPEAL} } }`;
type Appeal = { id: string; version: number; state: string; filedOn: string; windowCloses: string; dueOn: string; flags: { overdue: boolean; nearDue: boolean; workingDaysLeft: number }; grounds: string; outcome: string | null; reason: string | null };
const details = (r: { errors?: ReadonlyArray<{ extensions?: { details?: Array<{ field: string; rule: string }> } }> }) => (r.errors?.[0]?.extensions?.details ?? []).map((d) => [d.field, d.rule]);
const one = async (id: string, token: string, fields = APPEAL) => gql<{ appeal: Appeal & Record<string, unknown> }>(server.url, `query($id: ID!) { appeal(id: $id) { ${fields} } }`, { id }, token);
let mine: Appeal;

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  employee = await login(server.url, demo.employee);
  committee = await login(server.url, demo.committee);
  rater = await loginAs(server, 'NUMED00', ['EMPLOYEE', 'SUPERVISOR']);
  other = await loginAs(server, 'NUMED002');
  third = await loginAs(server, 'NUMED003');
  ward = await ratedWardCycle(server, hr, { code: 'wardAppeals', period: '2025-09' });
  const step = async (action: string) => {
    const { version } = await cycleVersion(server, hr, ward.cycleId);
    ok(await gql(server.url, `mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: ${action}) { state } }`, { id: ward.cycleId, v: version }, hr));
  };
  await step('START_CALIBRATION');
  await sqlRows(`insert into cycle_group_amount (cycle_id, group_key, pool, created_at, updated_at) values (?, 'cycle', 10000, now(), now())`, [ward.cycleId]);
  const { version } = await cycleVersion(server, hr, ward.cycleId);
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!, $o: PublishOverrideInput) { publishCycle(id: $id, version: $v, override: $o) { state } }', { id: ward.cycleId, v: version, o: { reason: 'appeal test' } }, hr));
}, 180_000);
afterAll(() => server?.stop());

describe('filing', () => {
  it('the appraised nurse files within the window; due 7 working days later on the calendar, shown to both sides', async () => {
    const empty = await gql(server.url, FILE, { i: { appraisalId: appraisal('NUMED001'), grounds: '  ' } }, employee);
    expect(details(empty)).toEqual([['input.grounds', 'appeal_grounds_required']]);
    // Someone else's appraisal does not exist for the caller.
    expect(codes(await gql(server.url, FILE, { i: { appraisalId: appraisal('NUMED002'), grounds: 'x' } }, employee))).toEqual(['NOT_FOUND']);
    const filed = ok(await gql<{ fileAppeal: Appeal }>(server.url, FILE, { i: { appraisalId: appraisal('NUMED001'), grounds: 'My service attitude item misses the patient praise of 18 September.', attachments: [{ name: 'praise.pdf', contentType: 'application/pdf', size: 1200, sha256: 'a'.repeat(64) }] } }, employee)).fileAppeal;
    expect(filed).toMatchObject({ state: 'FILED', filedOn: '2025-10-09', windowCloses: '2025-10-15', dueOn: '2025-10-17', flags: { overdue: false, nearDue: false, workingDaysLeft: 7 }, target: { kind: 'RESULT', appraisalId: appraisal('NUMED001'), periodKey: '2025-09' } });
    mine = filed;
    const again = await gql(server.url, FILE, { i: { appraisalId: appraisal('NUMED001'), grounds: 'again' } }, employee);
    expect(details(again)).toEqual([['input.appraisalId', 'appeal_already_open']]);
    const state = await sqlRows<{ state: string }>('select state from appraisal where id = ?', [appraisal('NUMED001')]);
    expect(state[0]?.state).toBe('appealed');
    const hrTask = await sqlRows<{ n: number }>(`select count(*)::int as n from inbox_item where link_id = ? and task_kind = 'appealToHandle' and due = '2025-10-17'`, [filed.id]);
    expect(hrTask[0]?.n).toBeGreaterThan(0);
  });

  it('the employee sees their own appeals only; others, raters and the committee see none; notes are not the appellant\'s', async () => {
    const listed = (t: string) => gql<{ appeals: { totalCount: number; nodes: Array<{ id: string }> } }>(server.url, '{ appeals { totalCount nodes { id } } }', {}, t);
    expect(ok(await listed(employee)).appeals.totalCount).toBe(1);
    expect(ok(await listed(hr)).appeals.nodes.map((n) => n.id)).toContain(mine.id);
    for (const t of [other, committee, rater]) {
      expect(ok(await listed(t)).appeals.totalCount).toBe(0);
      expect(codes(await one(mine.id, t))).toEqual(['NOT_FOUND']);
    }
    const notes = await one(mine.id, employee, 'grounds notes { text }');
    expect(codes(notes)).toEqual(['FORBIDDEN']);
    expect(notes.errors?.[0]?.path).toEqual(['appeal', 'notes']);
    // The committee cannot filter on what it cannot read; the employee cannot filter on handling either.
    expect(codes(await gql(server.url, '{ appealDashboard { open } }', {}, employee))).toEqual(['FORBIDDEN']);
  });
});

describe('handling', () => {
  it('HR reviews, notes, and asks the rater for a statement; the rater sees only the question and the shared excerpt', async () => {
    const started = ok(await gql<{ startAppealReview: Appeal }>(server.url, `mutation($id: ID!, $v: Int!) { startAppealReview(id: $id, version: $v) { ${APPEAL} } }`, { id: mine.id, v: mine.version }, hr)).startAppealReview;
    expect(started.state).toBe('UNDER_REVIEW');
    expect(codes(await gql(server.url, `mutation($id: ID!, $v: Int!) { startAppealReview(id: $id, version: $v) { id } }`, { id: mine.id, v: mine.version }, employee))).toEqual(['FORBIDDEN']);
    const noted = ok(await gql<{ addAppealNote: { notes: Array<{ text: string }> } }>(server.url, 'mutation($id: ID!, $t: String!) { addAppealNote(id: $id, text: $t) { notes { text } } }', { id: mine.id, t: 'Praise letter found in the ward log.' }, hr));
    expect(noted.addAppealNote.notes.map((n) => n.text)).toEqual(['Praise letter found in the ward log.']);
    const ask = 'mutation($id: ID!, $i: StatementRequestInput!) { requestStatement(id: $id, input: $i) { statements { id question dueOn } } }';
    const notRater = await gql(server.url, ask, { id: mine.id, i: { raterEmployeeId: await employeeIdOf(server, 'NUMED005'), question: 'q', sharedExcerpt: 'x', dueWorkingDays: 2 } }, hr);
    expect(details(notRater)).toEqual([['input.raterEmployeeId', 'appeal_statement_not_rater']]);
    const late = await gql(server.url, ask, { id: mine.id, i: { raterEmployeeId: await employeeIdOf(server, 'NUMED00'), question: 'q', sharedExcerpt: 'x', dueWorkingDays: 9 } }, hr);
    expect(details(late)).toEqual([['input.dueWorkingDays', 'appeal_statement_after_due']]);
    const asked = ok(await gql<{ requestStatement: { statements: Array<{ id: string; question: string; dueOn: string }> } }>(server.url, ask, { id: mine.id, i: { raterEmployeeId: await employeeIdOf(server, 'NUMED00'), question: 'Did you see the praise letter?', sharedExcerpt: 'service attitude, 18 September', dueWorkingDays: 2 } }, hr));
    const request = asked.requestStatement.statements[0] as { id: string; dueOn: string };
    expect(request.dueOn).toBe('2025-10-11'); // Saturday 11 October is a make-up working day
    const seen = ok(await gql<{ myStatementRequests: Array<{ id: string; question: string; sharedExcerpt: string; statement: string | null }> }>(server.url, '{ myStatementRequests { id question sharedExcerpt statement } }', {}, rater));
    expect(seen.myStatementRequests).toEqual([{ id: request.id, question: 'Did you see the praise letter?', sharedExcerpt: 'service attitude, 18 September', statement: null }]);
    const answer = 'mutation($id: ID!, $s: String!) { answerStatement(id: $id, statement: $s) { statement answeredAt } }';
    expect(codes(await gql(server.url, answer, { id: request.id, s: 'x' }, employee))).toEqual(['NOT_FOUND']);
    ok(await gql(server.url, answer, { id: request.id, s: 'Yes; I missed it when rating.' }, rater));
    expect(details(await gql(server.url, answer, { id: request.id, s: 'again' }, rater))).toEqual([['requestId', 'appeal_statement_answered']]);
    const forHr = ok(await one(mine.id, hr, 'statements { statement rater }')).appeal as unknown as { statements: Array<{ statement: string }> };
    expect(forHr.statements[0]?.statement).toBe('Yes; I missed it when rating.');
  });
});

describe('decision', () => {
  const DECIDE = 'mutation($id: ID!, $v: Int!, $d: AppealDecisionInput!) { decideAppeal(id: $id, version: $v, decision: $d) { state outcome reason version previousResult { number total grade payTotal } newResult { number total grade payTotal } } }';

  it('upheld: the result is re-scored as version 2 (version 1 kept), pay reversed and re-issued; then closed and published again', async () => {
    const current = ok(await one(mine.id, hr, 'version')).appeal;
    const noCorrection = await gql(server.url, DECIDE, { id: mine.id, v: current.version, d: { outcome: 'UPHELD', reason: 'The praise was missed.', correction: { description: 'service attitude 10' } } }, hr);
    expect(details(noCorrection)).toEqual([['decision.correction', 'appeal_correction_required']]);
    const noReason = await gql(server.url, DECIDE, { id: mine.id, v: current.version, d: { outcome: 'REJECTED', reason: ' ' } }, hr);
    expect(details(noReason)).toEqual([['decision.reason', 'appeal_reason_required']]);
    const correction = { description: 'Service attitude 10 (patient praise of 18 September).', items: [{ section: 'headNurse', role: 'DIRECT_SUPERVISOR', item: 'serviceAttitude', points: '10' }] };
    expect(codes(await gql(server.url, DECIDE, { id: mine.id, v: current.version - 1, d: { outcome: 'UPHELD', reason: 'x', correction } }, hr))).toEqual(['CONFLICT']);
    const payBefore = await sqlRows<{ total: string }>('select sum(amount)::text as total from pay_line where appraisal_id = ?', [appraisal('NUMED001')]);
    const byComponent = async () => Object.fromEntries((await sqlRows<{ component: string; total: string }>('select component, sum(amount)::text as total from pay_line where cycle_id = ? group by component', [ward.cycleId])).map((r) => [r.component, r.total]));
    const paidBefore = await byComponent();
    const decided = ok(await gql<{ decideAppeal: { state: string; outcome: string; version: number; previousResult: { number: number; total: string; payTotal: string | null }; newResult: { number: number; total: string; grade: string; payTotal: string | null } } }>(server.url, DECIDE, { id: mine.id, v: current.version, d: { outcome: 'UPHELD', reason: 'The praise was missed.', correction } }, hr)).decideAppeal;
    expect(decided).toMatchObject({ state: 'DECIDED', outcome: 'UPHELD', previousResult: { number: 1, total: '99' }, newResult: { number: 2, total: '100', grade: 'excellent' } });
    expect(decided.previousResult.payTotal).toBe(payBefore[0]?.total);
    // Both versions kept; pay lines sum to the new pay (old amounts reversed, never edited).
    const versions = await sqlRows<{ n: number }>('select count(*)::int as n from published_result where appraisal_id = ?', [appraisal('NUMED001')]);
    expect(versions[0]?.n).toBe(2);
    const payAfter = await sqlRows<{ total: string; reversals: number }>(`select sum(amount)::text as total, count(*) filter (where amount < 0)::int as reversals from pay_line where appraisal_id = ?`, [appraisal('NUMED001')]);
    expect(payAfter[0]?.total).toBe(decided.newResult.payTotal);
    expect(payAfter[0]?.reversals).toBeGreaterThan(0);
    // The ledger's entries generated from the result were re-issued from version 2 in the same transaction.
    const reissued = await sqlRows<{ after: { resultNumber: number } }>(`select after from audit_entry where operation = 'reissueResultEntries' and entity_id = ?`, [appraisal('NUMED001')]);
    expect(reissued.map((r) => r.after.resultNumber)).toEqual([2]);
    // The pool is split again over the whole group (domain repriceGroup): the colleagues' shares moved, each re-issued
    // as a REPRICE result version with the same score, and the pool still sums to the cent.
    const decision = (await sqlRows<{ after: { pools: Array<{ component: string; amount: string; before: string; after: string }>; repriced: Array<{ employeeId: string; appraisalId: string; result: number; changes: Array<{ component: string; from: string; to: string }> }> } }>(`select after from audit_entry where operation = 'decideAppeal' and entity_id = ?`, [mine.id]))[0]?.after;
    const pool = decision?.pools[0];
    expect(pool).toMatchObject({ before: '10000.00', after: '10000.00' });
    expect(Number(pool?.amount)).toBe(10000);
    const paidAfter = await byComponent();
    expect(paidBefore[pool?.component ?? '']).toBe('10000.00');
    expect(paidAfter[pool?.component ?? '']).toBe('10000.00');
    expect(decision?.repriced.length).toBeGreaterThan(0);
    for (const r of decision?.repriced ?? []) expect(r.changes.map((c) => c.component)).toContain(pool?.component);
    const colleague = decision?.repriced[0] as { appraisalId: string; result: number };
    const versionsOf = await sqlRows<{ number: number; computed_by: string; total: string; current: boolean }>(
      'select r.number, r.computed_by, r.total::text as total, r.id = a.result_id as current from appraisal_result r join appraisal a on a.id = r.appraisal_id where r.appraisal_id = ? order by r.number',
      [colleague.appraisalId],
    );
    expect(versionsOf.map((v) => [v.number, v.computed_by, v.current])).toEqual([[1, 'SUBMISSION', false], [colleague.result, 'REPRICE', true]]);
    expect(versionsOf[0]?.total).toBe(versionsOf[1]?.total);
    const colleaguePay = await sqlRows<{ lines: string; published: string }>(
      'select (select sum(amount)::text from pay_line where appraisal_id = a.id) as lines, p.pay_total::text as published from appraisal a join published_result p on p.appraisal_id = a.id and p.result_id = a.result_id where a.id = ?',
      [colleague.appraisalId],
    );
    expect(colleaguePay[0]?.lines).toBe(colleaguePay[0]?.published);
    // The database lets a re-price move the result pointer only with the score unchanged.
    await expect(sqlRows(`update appraisal set final_grade = 'unqualified' where id = ?`, [colleague.appraisalId])).rejects.toThrow(/only through an appeal/);
    const seen = ok(await gql<{ appraisal: { total: string } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { total } }', { id: appraisal('NUMED001') }, employee));
    expect(seen.appraisal.total).toBe('100');
    const mineNow = ok(await one(mine.id, employee, 'state outcome reason newResult { number total }')).appeal;
    expect(mineNow).toMatchObject({ state: 'DECIDED', outcome: 'UPHELD', reason: 'The praise was missed.', newResult: { number: 2, total: '100' } });

    const closed = ok(await gql<{ closeAppeal: { state: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { closeAppeal(id: $id, version: $v) { state } }', { id: mine.id, v: decided.version }, hr));
    expect(closed.closeAppeal.state).toBe('CLOSED');
    const state = await sqlRows<{ state: string }>('select state from appraisal where id = ?', [appraisal('NUMED001')]);
    expect(state[0]?.state).toBe('published');
    const audit = await sqlRows<{ operation: string }>(`select operation from audit_entry where entity_type = 'Appeal' and entity_id = ? order by id`, [mine.id]);
    expect(audit.map((a) => a.operation)).toEqual(['fileAppeal', 'startAppealReview', 'addAppealNote', 'requestStatement', 'decideAppeal', 'closeAppeal']);
  });

  it('the database refuses changing or deleting a closed appeal, and rewriting a note (the application role cannot get around it)', async () => {
    await expect(sqlRows(`update appeal set reason = 'edited' where id = ?`, [mine.id])).rejects.toThrow(/closed and cannot change/);
    await expect(sqlRows(`delete from appeal where id = ?`, [mine.id])).rejects.toThrow(/never deleted/);
    await expect(sqlRows(`update appeal_note set text = 'x' where appeal_id = ?`, [mine.id])).rejects.toThrow(/append-only/);
    await expect(sqlRows(`set archive.purging = 'on'; delete from appeal_note where appeal_id = '${mine.id}'`)).rejects.toThrow(/append-only/);
  });
});

describe('due dates: flags on HR\'s desk and in the inbox, withdrawal', () => {
  let second: Appeal;
  let withdrawn: Appeal;
  it('near due two working days ahead (a daily, idempotent task), overdue after the due day', async () => {
    second = ok(await gql<{ fileAppeal: Appeal }>(server.url, FILE, { i: { appraisalId: appraisal('NUMED002'), grounds: 'Attendance miscounted.' } }, other)).fileAppeal;
    withdrawn = ok(await gql<{ fileAppeal: Appeal }>(server.url, FILE, { i: { appraisalId: appraisal('NUMED003'), grounds: 'Quality item too low.' } }, third)).fileAppeal;
    clock.set('2025-10-15');
    const desk = ok(await gql<{ appealDashboard: { open: number; overdue: number; nearDue: number } }>(server.url, '{ appealDashboard { open overdue nearDue } }', {}, hr)).appealDashboard;
    expect(desk).toEqual({ open: 2, overdue: 0, nearDue: 2 });
    const near = ok(await gql<{ appeals: { nodes: Array<{ id: string; flags: { nearDue: boolean; workingDaysLeft: number } }> } }>(server.url, '{ appeals(filter: { nearDue: true }) { nodes { id flags { nearDue workingDaysLeft } } } }', {}, hr));
    expect(near.appeals.nodes.map((n) => n.flags)).toEqual([{ nearDue: true, workingDaysLeft: 2 }, { nearDue: true, workingDaysLeft: 2 }]);
    const run = 'mutation { runAppealFlags }';
    const first = ok(await gql<{ runAppealFlags: number }>(server.url, run, {}, hr)).runAppealFlags;
    expect(first).toBeGreaterThan(0);
    expect(ok(await gql<{ runAppealFlags: number }>(server.url, run, {}, hr)).runAppealFlags).toBe(0);
    const hrInbox = ok(await gql<{ myInbox: { nodes: Array<{ taskKind: string; due: string }> } }>(server.url, '{ myInbox(filter: { openOnly: true }) { nodes { taskKind due } } }', {}, hr));
    expect(hrInbox.myInbox.nodes.filter((n) => n.taskKind === 'appealToHandle' && n.due === '2025-10-17').length).toBeGreaterThanOrEqual(2);

    const withdraw = 'mutation($id: ID!, $v: Int!, $r: String!) { withdrawAppeal(id: $id, version: $v, reason: $r) { state withdrawalReason } }';
    expect(details(await gql(server.url, withdraw, { id: withdrawn.id, v: withdrawn.version, r: ' ' }, third))).toEqual([['reason', 'appeal_withdrawal_reason']]);
    expect(codes(await gql(server.url, withdraw, { id: withdrawn.id, v: withdrawn.version, r: 'x' }, other))).toEqual(['NOT_FOUND']);
    expect(ok(await gql<{ withdrawAppeal: { state: string } }>(server.url, withdraw, { id: withdrawn.id, v: withdrawn.version, r: 'Talked it through with the head nurse.' }, third)).withdrawAppeal.state).toBe('WITHDRAWN');

    clock.set('2025-10-20');
    const overdue = ok(await gql<{ appeals: { totalCount: number; nodes: Array<{ id: string; flags: { overdue: boolean; workingDaysLeft: number } }> } }>(server.url, '{ appeals(filter: { overdue: true }) { totalCount nodes { id flags { overdue workingDaysLeft } } } }', {}, hr));
    expect(overdue.appeals).toEqual({ totalCount: 1, nodes: [{ id: second.id, flags: { overdue: true, workingDaysLeft: -1 } }] });
    expect(ok(await gql<{ appealDashboard: { overdue: number } }>(server.url, '{ appealDashboard { overdue } }', {}, hr)).appealDashboard.overdue).toBe(1);
    clock.set('2025-10-09');
  });

  it('rejected with a reason, then closed; the employee reads the decision; the cycle closes only when no appeal is open', async () => {
    const closeCycle = async () => gql(server.url, 'mutation($id: ID!, $v: Int!) { closeCycle(id: $id, version: $v) { state } }', { id: ward.cycleId, v: (await cycleVersion(server, hr, ward.cycleId)).version }, hr);
    expect(details(await closeCycle())).toEqual([['action', 'cycle_open_appeals']]);
    const started = ok(await gql<{ startAppealReview: { version: number } }>(server.url, 'mutation($id: ID!, $v: Int!) { startAppealReview(id: $id, version: $v) { version } }', { id: second.id, v: second.version }, hr)).startAppealReview;
    const decided = ok(await gql<{ decideAppeal: { version: number } }>(server.url, 'mutation($id: ID!, $v: Int!, $d: AppealDecisionInput!) { decideAppeal(id: $id, version: $v, decision: $d) { version } }', { id: second.id, v: started.version, d: { outcome: 'REJECTED', reason: 'Attendance matches the roster.' } }, hr)).decideAppeal;
    ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { closeAppeal(id: $id, version: $v) { state } }', { id: second.id, v: decided.version }, hr));
    const seen = ok(await one(second.id, other, 'state outcome reason newResult { number }')).appeal;
    expect(seen).toMatchObject({ state: 'CLOSED', outcome: 'REJECTED', reason: 'Attendance matches the roster.', newResult: null });
    expect(ok(await closeCycle())).toMatchObject({ closeCycle: { state: 'CLOSED' } });
  });
});
