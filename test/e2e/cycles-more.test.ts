import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../support/cycles.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { apiLogin, browserMissingFor, graphqlCall, screenshot, useBrowserSession, visibleText } from './browser.js';
import { demoData, untranslated } from './chinese-text.js';

const browserMissing = browserMissingFor('the cycle dashboard');

type Token = string;

/** A cycle of the demo by its English name (HR). */
const cycleNamed = async (url: string, hr: Token, name: string): Promise<{ id: string; version: number; state: string }> => {
  const data = await graphqlCall<{ cycles: { nodes: Array<{ id: string; version: number; state: string; name: string }> } }>(url, '{ cycles(first: 100) { nodes { id version state name } } }', {}, hr);
  const found = data.cycles.nodes.find((c) => c.name === name);
  if (!found) throw new Error(`no cycle ${name}`);
  return found;
};

/** Waits for a test id, or fails at once with the page's error (a load error, a 403) and a screenshot. */
const shown = async (page: Page, testId: string): Promise<void> => {
  await page.locator(`[data-testid="${testId}"], [data-testid="load-error"], [data-testid="access-denied"]`).first().waitFor();
  if ((await page.getByTestId(testId).count()) > 0) return;
  await screenshot(page, `failed-${testId}`);
  throw new Error(`${testId} not shown: ${await visibleText(page)}`);
};

/** Opens a cycle from the list (HR) and waits for its page. */
const openCycle = async (page: Page, name: string): Promise<void> => {
  await page.getByTestId('menu-cycles').click();
  await page.getByRole('link', { name }).click();
  await page.getByTestId('cycle-name').getByText(name).waitFor();
};

/** Reads a downloaded workbook's first sheet as rows of cell texts (the header first). */
const sheetRows = async (path: string): Promise<string[][]> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in (v as object) ? String((v as { text: unknown }).text) : String(v)))));
  return rows;
};

/**
 * Rates a probation review's appraisal through the API as its raters (the console's rating form is tested in
 * cycles.test.ts): the cycle leaves its self-review phase, every open rating is submitted with `items`.
 */
const rateProbation = async (server: TestServer, hr: Token, employeeNumber: string, items: Record<string, { points: string }>): Promise<void> => {
  type Due = { employee: { employeeNumber: string }; review: { appraisal: { id: string } | null } | null };
  const due = await graphqlCall<{ probationsDue: Due[] }>(server.url, '{ probationsDue(withinDays: 92) { employee { employeeNumber } review { appraisal { id } } } }', {}, hr);
  const appraisalId = due.probationsDue.find((d) => d.employee.employeeNumber === employeeNumber)?.review?.appraisal?.id;
  if (!appraisalId) throw new Error(`no probation review for ${employeeNumber}`);
  type Appraisal = { cycle: { id: string; version: number; state: string }; ratings: Array<{ state: string; rater: { employeeNumber: string } | null }> };
  const read = async () => (await graphqlCall<{ appraisal: Appraisal }>(server.url, 'query($id: ID!) { appraisal(id: $id) { cycle { id version state } ratings { state rater { employeeNumber } } } }', { id: appraisalId }, hr)).appraisal;
  const before = await read();
  if (['OPEN', 'SELF_REVIEW'].includes(before.cycle.state))
    await graphqlCall(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: before.cycle.id, v: before.cycle.version }, hr);
  // The probation cycle's rating window may have closed before the demo day: HR reopens it for a week (audited).
  const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await graphqlCall(server.url, 'mutation($id: ID!, $i: ReopenWindowInput!) { reopenWindow(cycleId: $id, input: $i) { id } }', { id: before.cycle.id, i: { window: 'RATING', scope: 'CYCLE', until, reason: 'probation rated late' } }, hr);
  for (const rater of new Set(before.ratings.filter((r) => r.state !== 'SUBMITTED' && r.rater).map((r) => r.rater!.employeeNumber))) {
    const token = await loginAs(server, rater, ['EMPLOYEE', 'SUPERVISOR']);
    const tasks = await graphqlCall<{ myRatingTasks: { nodes: Array<{ id: string; version: number; state: string; appraisal: { id: string } }> } }>(server.url, '{ myRatingTasks(first: 100) { nodes { id version state appraisal { id } } } }', {}, token);
    for (const t of tasks.myRatingTasks.nodes.filter((x) => x.appraisal.id === appraisalId && x.state !== 'SUBMITTED'))
      await graphqlCall(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: t.id, v: t.version, i: { items } }, token);
  }
  const after = await read();
  expect(after.ratings.filter((r) => r.state !== 'REASSIGNED').map((r) => `${r.rater?.employeeNumber ?? 'nobody'} ${r.state}`), `the ratings of ${employeeNumber}`).toEqual(
    after.ratings.filter((r) => r.state !== 'REASSIGNED').map((r) => `${r.rater?.employeeNumber ?? 'nobody'} SUBMITTED`),
  );
};

/**
 * Grows a published cycle by `count` cafeteria cooks with a published result each (SQL fixture: the rows are what is
 * tested, not how they were computed): a copy of one of the cycle's published appraisals and its result per
 * newcomer, written in the order the database accepts (appraisal, result, then the pointer and publication).
 */
const growPublishedCycle = async (server: TestServer, cycleId: string, count: number): Promise<void> => {
  const db = server.orm.em.fork().getConnection();
  await db.execute(
    `insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, category, performance_pay_base)
     select gen_random_uuid(), 1, now(), now(), 'PGC' || lpad(g::text, 3, '0'), 'Paging cook ' || lpad(g::text, 3, '0'), e.department_id, e.position_id, e.supervisor_id, date '2020-01-01', 'REGULAR', 'cafeteria', 800
     from generate_series(1, ?::int) g, (select department_id, position_id, supervisor_id from employee where employee_number = 'CFC001') e`,
    [count],
  );
  const template = `(select a.group_key, a.result_id from appraisal a where a.cycle_id = ? and a.published_at is not null and a.result_id is not null order by a.id limit 1)`;
  await db.execute(
    `insert into appraisal (id, version, created_at, updated_at, cycle_id, employee_id, group_key, included_manually, state)
     select gen_random_uuid(), 1, now(), now(), ?, e.id, t.group_key, false, 'calibrated' from employee e, ${template} t where e.employee_number like 'PGC%'`,
    [cycleId, cycleId],
  );
  await db.execute(
    `insert into appraisal_result (id, created_at, updated_at, appraisal_id, number, scheme_version_id, basis, total, engine_grade, record, computed_by)
     select gen_random_uuid(), now(), now(), a.id, 1, r.scheme_version_id, r.basis, r.total, r.engine_grade,
            jsonb_set(jsonb_set(r.record, '{appraisalId}', to_jsonb(a.id::text)), '{employeeId}', to_jsonb(a.employee_id::text)), 'SUBMISSION'
     from appraisal a join employee e on e.id = a.employee_id, ${template} t join appraisal_result r on r.id = t.result_id
     where a.cycle_id = ? and e.employee_number like 'PGC%'`,
    [cycleId, cycleId],
  );
  await db.execute(
    `update appraisal a set result_id = r.id, state = 'published', published_at = now(), version = a.version + 1
     from appraisal_result r where r.appraisal_id = a.id and a.cycle_id = ? and a.result_id is null`,
    [cycleId],
  );
};

/**
 * The demo cycles (api/src/seed/demo-cycles.ts): nursing November in its self-review and rating windows, October
 * published, two probation reviews started; today is the day the demo was seeded. One server for the file.
 */
describe.skipIf(browserMissing)('the cycle pages on the demo cycles', () => {
  let server: TestServer;
  let hr: Token;
  let downloads: string;

  beforeAll(async () => {
    server = await startTestServer({ demoCycles: true });
    hr = await apiLogin(server.url, 'hr@demo.local');
    downloads = mkdtempSync(join(tmpdir(), 'cycles-downloads-'));
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('the employee', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'employee@demo.local' });

    it('writes the November self-review, saves it, then submits it and it locks', async () => {
      const { page, pageErrors } = session;
      await page.getByTestId('menu-my_appraisals').click();
      const november = page.getByTestId('my-appraisal').filter({ hasText: 'Nursing November 2026' });
      await november.getByTestId('write-self-review').click();
      await page.getByTestId('self-achievements').fill('Led the ward\'s fall-prevention rounds; no falls this month.');
      await page.getByTestId('self-problems').fill('Two late medication records on night shifts.');
      await page.getByTestId('self-plans').fill('Finish the IV certificate; mentor the new nurse.');
      await page.getByTestId('self-save').click();
      await page.getByText('Self-review saved').waitFor();
      await page.reload();
      await page.getByTestId('self-achievements').waitFor();
      expect(await page.getByTestId('self-problems').inputValue()).toBe('Two late medication records on night shifts.');
      await page.getByTestId('self-submit').click();
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByText('Self-review submitted').waitFor();
      await page.getByTestId('self-review-locked').waitFor();
      expect(await page.getByTestId('self-plans').isDisabled()).toBe(true);
      await screenshot(page, 'cycles-self-review-submitted');
      const stored = await graphqlCall<{ myAppraisals: { nodes: Array<{ selfReviewSubmittedAt: string | null; selfReview: { plans?: string } | null; cycle: { name: string } }> } }>(
        server.url,
        '{ myAppraisals(first: 20) { nodes { selfReviewSubmittedAt selfReview cycle { name } } } }',
        {},
        await apiLogin(server.url, 'employee@demo.local'),
      );
      const mine = stored.myAppraisals.nodes.find((a) => a.cycle.name === 'Nursing November 2026');
      expect(mine?.selfReviewSubmittedAt).not.toBeNull();
      expect(mine?.selfReview?.plans).toBe('Finish the IV certificate; mentor the new nurse.');
      expect(pageErrors).toEqual([]);
    });
  });

  describe('HR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('reads the November dashboard by phase and department, with the overdue people, and sends reminders', async () => {
      const { page, pageErrors } = session;
      expect((await page.getByRole('menuitem').allInnerTexts()).map((i) => i.trim())).toContain('Probations due');
      await openCycle(page, 'Nursing November 2026');
      await page.getByTestId('raters-table').waitFor();
      await page.getByTestId('open-dashboard').click();
      await page.getByTestId('dashboard-phases').waitFor();
      expect(await page.getByTestId('dashboard-phase-RATING').innerText()).toMatch(/Rating.*Open/s);
      expect(await page.getByTestId('dashboard-total').innerText()).toMatch(/All departments\s+\d+/);
      expect(await page.getByTestId('dashboard-department').count()).toBeGreaterThan(0);
      await page.getByTestId('outstanding-rating').waitFor();
      await page.getByTestId('send-reminders').click();
      await page.getByText(/Reminders sent: \d+ messages for \d+ open tasks/).waitFor();
      await screenshot(page, 'cycles-dashboard');
      expect(pageErrors).toEqual([]);
    });

    it('reassigns a direct supervisor\'s rating in the raters panel: the person picker finds the new rater by number, and the change saves', async () => {
      const { page, pageErrors } = session;
      const november = await cycleNamed(server.url, hr, 'Nursing November 2026');
      await openCycle(page, 'Nursing November 2026');
      await shown(page, 'raters-table');
      // The first direct-supervisor slot that can be reassigned (not submitted).
      const row = page.locator('[data-testid^="rater-row-"][data-testid$="-DIRECT_SUPERVISOR"]', { has: page.getByTestId('rater-reassign') }).first();
      const subject = ((await row.getAttribute('data-testid')) ?? '').slice('rater-row-'.length, -'-DIRECT_SUPERVISOR'.length);
      type Slot = { state: string; role: string; rater: { employeeNumber: string } | null };
      type Appraisals = { appraisals: { nodes: Array<{ employee: { employeeNumber: string }; ratings: Slot[] }> } };
      const APPRAISALS = 'query($c: ID!) { appraisals(first: 200, filter: { cycleId: $c }) { nodes { employee { employeeNumber } ratings { state role rater { employeeNumber } } } } }';
      const ratingsOf = async () => (await graphqlCall<Appraisals>(server.url, APPRAISALS, { c: november.id }, hr)).appraisals.nodes.find((a) => a.employee.employeeNumber === subject)?.ratings ?? [];
      const before = await ratingsOf();
      const oldRater = before.find((r) => r.role === 'DIRECT_SUPERVISOR' && r.state !== 'REASSIGNED')?.rater?.employeeNumber;
      expect(oldRater, `the supervisor of ${subject}`).toBeDefined();
      // Someone active who rates nothing of this appraisal and is not its subject.
      const busy = new Set([subject, ...before.map((r) => r.rater?.employeeNumber)]);
      const people = await graphqlCall<{ employees: { nodes: Array<{ name: string; employeeNumber: string }> } }>(server.url, '{ employees(first: 100, filter: { active: true }) { nodes { name employeeNumber } } }', {}, hr);
      const next = people.employees.nodes.find((e) => !busy.has(e.employeeNumber));
      if (!next) throw new Error('no free employee to rate');

      await row.getByTestId('rater-reassign').click();
      const picker = page.getByTestId('rater-picker');
      await picker.fill(next.employeeNumber);
      await page.getByRole('option', { name: `${next.name} (${next.employeeNumber})` }).click();
      expect(await picker.inputValue()).toBe(`${next.name} (${next.employeeNumber})`);
      await page.getByTestId('rater-reason').fill('The head nurse is on leave this month');
      await page.getByTestId('rater-confirm').click();
      await page.getByText('Rater reassigned').waitFor();
      // The table and the API name the new rater on the slot, with a fresh rating; the old rater's is gone from both.
      await page.getByTestId(`rater-row-${subject}-DIRECT_SUPERVISOR`).getByText(`${next.name} (${next.employeeNumber})`).waitFor();
      await screenshot(page, 'cycles-raters-reassigned');
      const after = await ratingsOf();
      expect(after.filter((r) => r.role === 'DIRECT_SUPERVISOR').map((r) => `${r.rater?.employeeNumber} ${r.state}`)).toEqual([`${next.employeeNumber} PENDING`]);
      expect(after.some((r) => r.rater?.employeeNumber === oldRater && r.role === 'DIRECT_SUPERVISOR')).toBe(false);
      expect(pageErrors).toEqual([]);
    });

    it('types a nurse\'s survey values on the inputs page: a refused value names the column and the rule, the corrected row saves', async () => {
      const { page, pageErrors } = session;
      await openCycle(page, 'Nursing November 2026');
      await page.getByTestId('open-inputs').click();
      await shown(page, 'inputs-table');
      // The first nurse of the page (people come 25 a page, by name).
      const row = page.locator('[data-testid^="inputs-row-"]').first();
      const nurse = ((await row.getAttribute('data-testid')) ?? '').slice('inputs-row-'.length);
      await row.getByTestId('inputs-edit').click();
      await row.getByTestId('inputs-cell-patientSatisfaction.satisfied').fill('60');
      await row.getByTestId('inputs-cell-patientSatisfaction.returned').fill('50');
      await row.getByTestId('inputs-save').click();
      const problems = page.getByTestId('inputs-problems');
      await problems.waitFor();
      expect(await problems.innerText()).toMatch(/Satisfied: 60 satisfied out of 50 returned is impossible\. \(rule: survey_satisfied_exceeds_returned\)/);
      await screenshot(page, 'cycles-inputs-refused');
      await row.getByTestId('inputs-cell-patientSatisfaction.satisfied').fill('47');
      await row.getByTestId('inputs-save').click();
      await page.getByText(/^Inputs saved/).waitFor();
      await problems.waitFor({ state: 'detached' });
      await row.getByTestId('inputs-value-patientSatisfaction.satisfied').getByText('47').waitFor();
      const stored = await graphqlCall<{ measuredInputs: { nodes: Array<{ values: Array<{ name: string; value: string }>; employee: { employeeNumber: string } }> } }>(
        server.url,
        'query($c: ID!) { measuredInputs(first: 100, filter: { cycleId: $c, kind: ITEM_VALUES }) { nodes { values { name value } employee { employeeNumber } } } }',
        { c: (await cycleNamed(server.url, hr, 'Nursing November 2026')).id },
        hr,
      );
      expect(stored.measuredInputs.nodes.find((n) => n.employee.employeeNumber === nurse)?.values).toEqual(expect.arrayContaining([{ name: 'satisfied', value: '47' }, { name: 'returned', value: '50' }]));
      expect(pageErrors).toEqual([]);
    });

    it('downloads the inputs template, dry-runs a filled copy with a bad row, reads the row report, then applies the corrected file', async () => {
      const { page, pageErrors } = session;
      await shown(page, 'inputs-table');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('inputs-template').click()]);
      const template = join(downloads, download.suggestedFilename());
      await download.saveAs(template);
      const rows = await sheetRows(template);
      expect(rows[0]?.slice(0, 6)).toEqual(['Employee number', 'Name', 'Kind', 'Item', 'Input', 'Value']);
      const people = new Set(rows.slice(1).map((r) => r[0]));
      expect(rows.length - 1).toBe(people.size * 2); // satisfied and returned per participant
      // Everyone's survey: 45 of 50 satisfied; one typo (a letter) on the third data row.
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(template) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      for (let r = 2; r <= sheet.rowCount; r++) sheet.getRow(r).getCell(6).value = sheet.getRow(r).getCell(5).text === 'satisfied' ? '45' : '50';
      sheet.getRow(3).getCell(6).value = '4o';
      const bad = join(downloads, 'survey-bad.xlsx');
      writeFileSync(bad, Buffer.from(await book.xlsx.writeBuffer()));
      await page.getByTestId('inputs-file').setInputFiles(bad);
      await page.getByTestId('inputs-dry-run').click();
      const errors = page.getByTestId('import-errors');
      await errors.waitFor();
      const reported = await errors.locator('tbody tr').allInnerTexts();
      expect(reported).toHaveLength(1);
      expect(reported[0]).toMatch(/^3\s+Value\s+/);
      // Worded from the catalog with the row's params (the value and the input it was given for).
      expect(reported[0]).toMatch(/"4o" is not a number/);
      expect(await page.getByTestId('import-summary').innerText()).toMatch(new RegExp(`${rows.length - 1}`));
      expect(await page.getByTestId('inputs-apply').isDisabled()).toBe(true);
      await screenshot(page, 'cycles-inputs-dry-run');

      sheet.getRow(3).getCell(6).value = sheet.getRow(3).getCell(5).text === 'satisfied' ? '45' : '50';
      const good = join(downloads, 'survey.xlsx');
      writeFileSync(good, Buffer.from(await book.xlsx.writeBuffer()));
      await page.getByTestId('inputs-file').setInputFiles(good);
      await page.getByTestId('inputs-dry-run').click();
      await page.getByTestId('inputs-report').getByText('Every row is valid.').waitFor();
      await page.getByTestId('inputs-apply').click();
      await page.getByTestId('inputs-results').waitFor();
      await page.locator('[data-testid^="inputs-row-"]').first().getByTestId('inputs-value-patientSatisfaction.satisfied').getByText('45').waitFor();
      await screenshot(page, 'cycles-inputs-applied');
      const cycle = await cycleNamed(server.url, hr, 'Nursing November 2026');
      const stored = await graphqlCall<{ measuredInputs: { totalCount: number; nodes: Array<{ values: Array<{ name: string; value: string }> }> } }>(
        server.url,
        'query($c: ID!) { measuredInputs(first: 100, filter: { cycleId: $c, kind: ITEM_VALUES }) { totalCount nodes { values { name value } } } }',
        { c: cycle.id },
        hr,
      );
      expect(stored.measuredInputs.totalCount).toBe(people.size);
      expect(stored.measuredInputs.nodes.every((n) => n.values.find((v) => v.name === 'satisfied')?.value === '45')).toBe(true);
      expect(pageErrors).toEqual([]);
    });

    it('exports the October results as an .xlsx workbook whose rows and totals are the cycle\'s', async () => {
      const { page, pageErrors } = session;
      await openCycle(page, 'Nursing October 2026');
      await page.getByTestId('results-table').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-export-xlsx').click()]);
      const file = join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/^results-.+\.xlsx$/);
      const rows = await sheetRows(file);
      expect(rows[0]).toEqual(['Employee number', 'Name', 'Department', 'State', 'Total', 'Grade before calibration', 'Grade', 'Pay', 'Acknowledge by', 'Answer']);
      const cycle = await cycleNamed(server.url, hr, 'Nursing October 2026');
      type Result = { total: string | null; grade: string | null; employee: { employeeNumber: string }; pay: { total: string } | null };
      const api = await graphqlCall<{ appraisals: { totalCount: number; nodes: Result[] } }>(
        server.url,
        'query($c: ID!) { appraisals(first: 100, filter: { cycleId: $c }) { totalCount nodes { total grade employee { employeeNumber } pay { total } } } }',
        { c: cycle.id },
        hr,
      );
      expect(rows.length - 1).toBe(api.appraisals.totalCount);
      const byNumber = new Map(api.appraisals.nodes.map((n) => [n.employee.employeeNumber, n]));
      for (const r of rows.slice(1)) {
        const n = byNumber.get(r[0] ?? '');
        expect(n, `row ${r[0]}`).toBeDefined();
        expect(r[4]).toBe(n?.total ?? '');
        expect(r[6]).toBe(n?.grade ?? '');
      }
      // The sheet's totals add up to the API's, to the cent (exact decimal text, summed in cents).
      const cents = (values: Array<string | null | undefined>) => values.reduce((sum, v) => sum + (v ? Math.round(Number(v) * 100) : 0), 0);
      expect(cents(rows.slice(1).map((r) => r[4]))).toBe(cents(api.appraisals.nodes.map((n) => n.total)));
      expect(cents(rows.slice(1).map((r) => r[7]))).toBe(cents(api.appraisals.nodes.map((n) => n.pay?.total)));
      expect(rows.slice(1).find((r) => r[0] === 'NUMED001')?.[4]).toBe('92.1');
      expect(pageErrors).toEqual([]);
    });

    it('confirms one probation and extends another with a new end date; the extension changes the employee record at once', async () => {
      const { page, pageErrors } = session;
      await rateProbation(server, hr, 'CFC009', { hygiene: { points: '22' }, foodQuality: { points: '23' }, service: { points: '18' }, discipline: { points: '12' }, safety: { points: '10' } });
      await rateProbation(server, hr, 'WSI009', Object.fromEntries(['people', 'machine', 'material', 'method', 'environment'].map((a) => [a, { points: '18' }])));
      await page.getByTestId('menu-probation').click();
      const cook = page.getByTestId('probation-CFC009');
      // Rated: the review takes the result when HR decides (awaiting decision), so the buttons are offered now.
      await cook.getByTestId('probation-CONFIRM').waitFor();
      await cook.getByTestId('probation-CONFIRM').click();
      await page.getByTestId('probation-decide-confirm').click();
      await page.getByText(/confirmed$/).first().waitFor();
      await cook.getByTestId('probation-CONFIRM').waitFor({ state: 'detached' });

      const worker = page.getByTestId('probation-WSI009');
      await worker.getByTestId('probation-EXTEND').click();
      await page.getByTestId('probation-date').fill('2027-01-31');
      await page.getByTestId('probation-reason').fill('needs the welding certificate');
      await screenshot(page, 'cycles-probation-extend');
      await page.getByTestId('probation-decide-confirm').click();
      await page.getByText(/^Probation of .+ extended$/).waitFor();
      const record = async (n: string) =>
        (
          await server.orm.em
            .fork()
            .getConnection()
            .execute<Array<{ employment_status: string; probation_end_date: string }>>('select employment_status, probation_end_date::text as probation_end_date from employee where employee_number = ?', [n])
        )[0];
      expect(await record('WSI009')).toEqual({ employment_status: 'PROBATION', probation_end_date: '2027-01-31' });
      // Confirmation takes effect the day after the probation ends (the daily job applies it); the decision is recorded now.
      const reviews = await server.orm.em
        .fork()
        .getConnection()
        .execute<Array<{ number: string; state: string; outcome: string; new_end_date: string | null }>>(
          `select e.employee_number as number, r.state, r.outcome, r.new_end_date::text as new_end_date from probation_review r join employee e on e.id = r.employee_id
           where e.employee_number in ('CFC009', 'WSI009') order by e.employee_number`,
        );
      expect(reviews).toEqual([
        { number: 'CFC009', state: 'confirmed', outcome: 'confirm', new_end_date: null },
        { number: 'WSI009', state: 'extended', outcome: 'extend', new_end_date: '2027-01-31' },
      ]);
      await screenshot(page, 'cycles-probation-decided');
      expect(pageErrors).toEqual([]);
    });

    it('pages through more than 100 results with the cursor controls: 1–100 of N, next, the rest, previous', async () => {
      const { page, pageErrors } = session;
      const cycle = await cycleNamed(server.url, hr, 'Cafeteria September 2026');
      await growPublishedCycle(server, cycle.id, 150);
      const api = await graphqlCall<{ appraisals: { totalCount: number; nodes: Array<{ employee: { employeeNumber: string } }> } }>(
        server.url,
        'query($c: ID!) { appraisals(first: 500, filter: { cycleId: $c }) { totalCount nodes { employee { employeeNumber } } } }',
        { c: cycle.id },
        hr,
      );
      const total = api.appraisals.totalCount;
      expect(total).toBeGreaterThan(150);
      await openCycle(page, 'Cafeteria September 2026');
      const rows = page.getByTestId('results-table').locator('tbody tr');
      const range = page.getByTestId('results-pages-range');
      await range.getByText(`1–100 of ${total}`).waitFor();
      const shownNumbers = async () => (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid') ?? ''))).map((id) => id.replace(/^result-/, ''));
      const first = await shownNumbers();
      expect(first).toHaveLength(100);
      expect(await page.getByTestId('results-pages-prev').isDisabled()).toBe(true);
      await screenshot(page, 'cycles-results-page-1');

      await page.getByTestId('results-pages-next').click();
      await range.getByText(`101–${total} of ${total}`).waitFor();
      const second = await shownNumbers();
      expect(second).toHaveLength(total - 100);
      // Cursor paging: the second page continues the first, no row twice, none left out.
      expect(second.filter((n) => first.includes(n))).toEqual([]);
      expect([...first, ...second].sort()).toEqual(api.appraisals.nodes.map((n) => n.employee.employeeNumber).sort());
      expect(await page.getByTestId('results-pages-next').isDisabled()).toBe(true);
      await screenshot(page, 'cycles-results-page-2');

      await page.getByTestId('results-pages-prev').click();
      await range.getByText(`1–100 of ${total}`).waitFor();
      expect(await shownNumbers()).toEqual(first);
      expect(pageErrors).toEqual([]);
    });
  });

  describe('HR in Chinese', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('shows the inputs page, the raters panel and the results with no English and no raw keys', async () => {
      const { page } = session;
      const data = await demoData(server.url);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await page.getByText('欢迎').first().waitFor();
      const problems: string[] = [];
      for (const [name, path, ready] of [
        ['Nursing November 2026', 'inputs', 'inputs-table'],
        ['Nursing November 2026', '', 'raters-table'],
        ['Nursing October 2026', '', 'results-table'],
      ] as const) {
        const cycle = await cycleNamed(server.url, hr, name);
        await page.goto(`${server.url}/#/cycles/${cycle.id}${path ? `/${path}` : ''}`);
        await shown(page, ready);
        // The results table names grades from the calibration board's scheme (a second query): wait for the board too.
        if (ready === 'results-table') await shown(page, 'calibration-group');
        await page.locator('.MuiLinearProgress-root').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
        problems.push(...(await untranslated(page, data)).map((p) => `${name} ${path}: ${p}`));
        await screenshot(page, `cycles-zh-${path || 'cycle'}-${cycle.state.toLowerCase()}`);
      }
      expect(await visibleText(page)).toContain('考核结果');
      expect(problems).toEqual([]);
    });

    it('names the calibration groups by their Chinese department names', async () => {
      const { page } = session;
      const cycle = await cycleNamed(server.url, hr, 'Nursing October 2026');
      type Group = { groupName: string | null; groupNameZh: string | null };
      const groups = (await graphqlCall<{ cycle: { calibration: Group[] } }>(server.url, 'query($id: ID!) { cycle(id: $id) { calibration { groupName groupNameZh } } }', { id: cycle.id }, hr)).cycle.calibration;
      expect(groups.length).toBeGreaterThan(0);
      await page.goto(`${server.url}/#/cycles/${cycle.id}`);
      await shown(page, 'calibration-group');
      const titles = await page.getByTestId('calibration-group').allInnerTexts();
      for (const g of groups) {
        expect(g.groupNameZh, `${g.groupName} has a Chinese name`).toBeTruthy();
        expect(titles.some((t) => t.includes(g.groupNameZh ?? '?'))).toBe(true);
        expect(titles.some((t) => t.includes(g.groupName ?? '?'))).toBe(false);
      }
      await screenshot(page, 'cycles-zh-calibration-groups');
    });

    it('shows dates as 年/月/日 and refuses a day that does not exist; a refused input value is said in Chinese without the rule code', async () => {
      const { page, pageErrors } = session;
      await page.getByTestId('menu-calendar').click();
      await page.getByTestId('year-2025').click();
      const from = page.getByTestId('holiday-0-from');
      await from.waitFor();
      // The first holiday of the demo's 2025 (Chromium's own date input shows mm/dd/yyyy here in an English browser).
      expect(await from.inputValue()).toMatch(/^2025\/\d{2}\/\d{2}$/);
      expect(await from.getAttribute('placeholder')).toBe('年/月/日');
      await screenshot(page, 'cycles-zh-calendar-dates');
      // A day that does not exist is refused in Chinese, as typed (nothing is saved here).
      await from.fill('2025/02/30');
      await page.getByText('请按 年/月/日 输入有效日期，例如 2025/10/03').waitFor();
      await screenshot(page, 'cycles-zh-calendar-bad-date');
      await from.fill('2025-1-1');
      await page.getByText('请按 年/月/日 输入有效日期，例如 2025/10/03').waitFor({ state: 'detached' });

      const cycle = await cycleNamed(server.url, hr, 'Nursing November 2026');
      await page.goto(`${server.url}/#/cycles/${cycle.id}/inputs`);
      await shown(page, 'inputs-table');
      const row = page.locator('[data-testid^="inputs-row-"]').nth(1);
      await row.getByTestId('inputs-edit').click();
      await row.getByTestId('inputs-cell-patientSatisfaction.satisfied').fill('60');
      await row.getByTestId('inputs-cell-patientSatisfaction.returned').fill('50');
      await row.getByTestId('inputs-save').click();
      const problems = page.getByTestId('inputs-problems');
      await problems.waitFor();
      const said = await problems.innerText();
      expect(said).toContain('回收 50 份问卷中不可能有 60 份满意');
      expect(said).not.toMatch(/survey_satisfied_exceeds_returned|rule/i);
      await screenshot(page, 'cycles-zh-inputs-refused');
      await row.getByTestId('inputs-cancel').click();
      expect(pageErrors).toEqual([]);
    });
  });

  describe('the supervisor', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'supervisor@demo.local' });

    it('reads the team\'s published October results with totals and grades, and not the unpublished November', async () => {
      const { page, pageErrors } = session;
      await page.getByTestId('menu-team_results').click();
      const cycle = await cycleNamed(server.url, hr, 'Nursing October 2026');
      // What the API gives the supervisor for October: the rows the page must show, with their totals.
      const api = await graphqlCall<{ appraisals: { totalCount: number; nodes: Array<{ total: string | null; employee: { employeeNumber: string } }> } }>(
        server.url,
        'query($c: ID!) { appraisals(first: 100, filter: { cycleId: $c }) { totalCount nodes { total employee { employeeNumber } } } }',
        { c: cycle.id },
        await apiLogin(server.url, 'supervisor@demo.local'),
      );
      expect(api.appraisals.totalCount).toBeGreaterThan(0);
      const first = api.appraisals.nodes[0]!;
      await page.getByTestId('team-table').locator('tbody tr').first().waitFor();
      await page.getByTestId('team-cycle-filter').locator('..').getByRole('combobox').click();
      await page.getByRole('option', { name: 'Nursing October 2026' }).click();
      const row = page.getByTestId(`team-${first.employee.employeeNumber}`).filter({ hasText: 'Nursing October 2026' });
      await row.waitFor();
      expect(await row.getByTestId('team-total').innerText()).toBe(first.total);
      expect(await row.getByTestId('team-grade').innerText()).not.toBe('—');
      expect(await page.getByTestId('team-table').locator('tbody tr').count()).toBe(api.appraisals.totalCount);
      expect(await visibleText(page)).not.toContain('Nursing November 2026');
      await screenshot(page, 'cycles-team-results');
      expect(pageErrors).toEqual([]);
    });
  });
});
