import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { loginAs } from '../support/cycles.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { apiLogin, browserMissingFor, graphqlCall, screenshot, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('the cycle pages');

/** The cafeteria's September 2025 rating window (Oct 1-9, postponed past National Day) is open on Oct 2. */
const clock = fixedClock('2025-10-02');

const FORM: Record<string, Record<string, string>> = {
  CFC001: { hygiene: '22', foodQuality: '23', service: '18', discipline: '12', safety: '10' },
  CFC002: { hygiene: '20', foodQuality: '20', service: '15', discipline: '10', safety: '10' },
};

/** Picks an option of a plain MUI select (TextField select) by the hidden input's test id and the option text. */
const pickSelect = async (page: Page, testId: string, option: string | RegExp): Promise<void> => {
  await page.getByTestId(testId).locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: option }).first().click();
};

const fillForm = async (page: Page, values: Record<string, string>): Promise<void> => {
  for (const [item, points] of Object.entries(values)) await page.getByTestId(`item-${item}`).fill(points);
};

describe.skipIf(browserMissing)('appraisal cycles in the console', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('HR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('reads the work calendar: National Day and its make-up days in 2025', async () => {
      const { page } = session;
      await page.getByTestId('menu-calendar').click();
      await page.getByTestId('year-2025').click();
      await page.getByTestId('holidays').waitFor();
      const holidayNames = await page.locator('[data-testid$="-en"]').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
      expect(holidayNames).toContain('National Day');
      await screenshot(page, 'cycles-calendar');
    });

    it('creates the cafeteria cycle through the wizard, removes a cook with a reason and launches it with progress', async () => {
      const { page, pageErrors } = session;
      await page.getByTestId('menu-cycles').click();
      await page.getByTestId('cycle-create').click();
      await page.getByTestId('wizard-scheme-cafeteria').click();
      await page.getByTestId('wizard-period-key').fill('2025-09');
      await page.getByTestId('wizard-name').fill('Cafeteria September 2025');
      await page.getByTestId('wizard-name-zh').fill('食堂 2025年9月');
      await pickSelect(page, 'wizard-department', 'Staff Cafeteria');
      await page.getByTestId('wizard-create').click();
      // The rating window computed on the work calendar: Oct 1 to Oct 9, moved past National Day.
      const rating = page.getByTestId('phase-RATING');
      await rating.waitFor();
      expect(await rating.innerText()).toMatch(/Oct 1, 2025\s+Oct 9, 2025\s+Moved past days off \(was Oct 5, 2025\)/);
      await screenshot(page, 'cycles-wizard-windows');
      await page.getByTestId('wizard-next').click();

      await page.getByTestId('population-table').waitFor();
      const counts = await page.getByTestId('population-counts').innerText();
      const included = Number(/(\d+) included/.exec(counts)?.[1]);
      expect(included).toBeGreaterThan(4);
      expect(await page.getByTestId('population-CFC001').innerText()).toContain('Targeted by the cycle.');
      await page.getByTestId('population-toggle-CFC005').click();
      await page.getByTestId('population-reason').fill('on long sick leave');
      await page.getByTestId('population-confirm').click();
      await page.getByText(`${included - 1} included`).waitFor();
      expect(await page.getByTestId('population-CFC005').innerText()).toContain('Excluded');
      await screenshot(page, 'cycles-wizard-population');

      await page.getByTestId('wizard-next').click();
      await page.getByTestId('wizard-launch').click();
      await page.getByTestId('launch-status').getByText('Launched').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('launch-progress').getAttribute('aria-valuenow')).toBe('100');
      expect(await page.getByTestId('launch-status').innerText()).toContain(`(${included - 1} of ${included - 1})`);
      await screenshot(page, 'cycles-wizard-launched');

      await page.getByTestId('wizard-open-cycle').click();
      await page.getByTestId('action-SKIP_SELF_REVIEW').click();
      await page.getByTestId('cycle-name').locator('..').getByText('Rating', { exact: true }).waitFor();
      expect(await page.getByTestId('stat-appraisals').innerText()).toBe(String(included - 1));
      await screenshot(page, 'cycles-cycle-page');
      expect(pageErrors).toEqual([]);
    });

    it('lists the cycle with its rating deadline', async () => {
      const { page } = session;
      await page.getByTestId('menu-cycles').click();
      const row = page.getByTestId('cycle-row').first();
      await row.waitFor();
      expect(await row.innerText()).toMatch(/Cafeteria September 2025.*Month 2025-09.*Oct 9, 2025.*Rating/s);
    });
  });

  describe('the head cook (supervisor)', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'cf002@test.local' });

    it('rates a cook with the live total, saves a draft, then submits', async () => {
      const { page, pageErrors } = session;
      await page.getByTestId('menu-to_rate').click();
      const task = page.getByTestId('task-CFC001');
      await task.waitFor();
      expect(await task.innerText()).toMatch(/Cafeteria September 2025\s+Oct 9, 2025\s+Not started/);
      await screenshot(page, 'cycles-to-rate');
      await task.getByTestId('task-open').click();

      await page.getByTestId('item-hygiene').fill('26');
      await page.getByTestId('live-issue').getByText('26 is outside the range of "Hygiene and food safety" (0 to 25).').waitFor();
      await fillForm(page, FORM.CFC001!);
      await page.getByTestId('live-total').getByText('85').waitFor();
      expect(await page.getByTestId('live-missing').innerText()).toBe('0 items still empty');
      await page.getByTestId('rating-comment').fill('Clean kitchen, good food.');
      await screenshot(page, 'cycles-rating-live-total');
      await page.getByTestId('rating-save').click();
      await page.getByText('Draft saved').waitFor();
      await page.getByTestId('rating-submit').click();
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByText('Rating submitted').waitFor();
      await page.getByTestId('state-SUBMITTED').waitFor();
      expect(await page.getByTestId('item-hygiene').isDisabled()).toBe(true);
      expect(pageErrors).toEqual([]);
    });

    it('rates the next cook in Chinese: labels, live total and the refusal worded in Chinese', async () => {
      const { page } = session;
      // The app bar hides while a long form is scrolled: open the inbox (at the top) before switching.
      await page.getByTestId('menu-to_rate').click();
      await page.getByTestId('task-table').waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await page.locator('#react-admin-title').getByText('待评分').waitFor();
      const task = page.getByTestId('task-CFC002');
      await task.waitFor();
      expect(await task.innerText()).toContain('2025年10月9日');
      expect(await task.innerText()).toContain('食堂 2025年9月');
      await task.getByTestId('task-open').click();
      await page.getByTestId('item-hygiene').fill('30');
      await page.getByTestId('live-issue').getByText('30 超出“卫生与食品安全”的分值范围（0 至 25）。').waitFor();
      await fillForm(page, FORM.CFC002!);
      await page.getByTestId('live-total').getByText('75').waitFor();
      const text = await visibleText(page);
      expect(text).toContain('得分');
      expect(text).toContain('还有 0 项未填');
      expect(text).not.toContain('Save draft');
      await screenshot(page, 'cycles-rating-zh');
      await page.getByTestId('rating-submit').click();
      await page.getByRole('button', { name: '确认' }).click();
      await page.getByText('评分已提交').waitFor();
    });
  });

  describe('HR calibrates and publishes; the cook acknowledges', () => {
    beforeAll(async () => {
      // The other raters of the cafeteria submit through the API (75 points each), so every appraisal has a result.
      const hr = await apiLogin(server.url, 'hr@demo.local');
      type Rating = { id: string; state: string; rater: { employeeNumber: string } | null };
      const data = await graphqlCall<{ appraisals: { nodes: Array<{ ratings: Rating[] }> } }>(server.url, '{ appraisals(first: 100) { nodes { ratings { id state rater { employeeNumber } } } } }', {}, hr);
      const raters = new Set(data.appraisals.nodes.flatMap((a) => a.ratings.filter((r) => r.state !== 'SUBMITTED' && r.rater).map((r) => r.rater!.employeeNumber)));
      for (const rater of raters) {
        const token = await loginAs(server, rater, ['EMPLOYEE', 'SUPERVISOR']);
        const tasks = await graphqlCall<{ myRatingTasks: { nodes: Array<{ id: string; version: number; state: string }> } }>(server.url, '{ myRatingTasks(first: 100) { nodes { id version state } } }', {}, token);
        for (const t of tasks.myRatingTasks.nodes.filter((x) => x.state !== 'SUBMITTED'))
          await graphqlCall(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: t.id, v: t.version, i: { items: Object.fromEntries(Object.entries(FORM.CFC002!).map(([k, points]) => [k, { points }])) } }, token);
      }
      await loginAs(server, 'CFC001');
    });

    describe('HR', () => {
      const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

      it('starts calibration, reads the distribution per group, raises a grade with a reason and publishes', async () => {
        const { page, pageErrors } = session;
        await page.getByTestId('menu-cycles').click();
        await page.getByTestId('cycle-row').first().getByRole('link').click();
        await page.getByTestId('action-START_CALIBRATION').click();
        await page.getByTestId('calibration-group').first().waitFor();
        await page.getByTestId('results-table').getByTestId('result-CFC002').waitFor();
        expect(await page.getByTestId('result-CFC001').innerText()).toMatch(/85\s+Level A \(100% pay\)/);
        const row = page.getByTestId('result-CFC002');
        expect(await row.innerText()).toMatch(/75\s+Level B \(80% pay\)/);
        await row.getByTestId('change-grade').click();
        await pickSelect(page, 'change-grade-to', 'Level A (100% pay)');
        await page.getByTestId('change-grade-reason').fill('covered two extra shifts');
        await page.getByTestId('change-grade-save').click();
        await page.getByText('Grade changed').waitFor();
        // The list reloads after the change; until then the row still shows the old grade (Level B) in the grade column.
        await expect.poll(() => row.innerText(), { timeout: 20_000 }).toMatch(/Level A \(100% pay\)\s+Level B \(80% pay\)/);
        await screenshot(page, 'cycles-calibration');
        await page.getByTestId('action-PUBLISH').click();
        await page.getByTestId('action-confirm').click();
        await page.getByTestId('cycle-name').locator('..').getByText('Published', { exact: true }).waitFor({ timeout: 20_000 });
        await screenshot(page, 'cycles-published');
        expect(pageErrors).toEqual([]);
      });
    });

    describe('the cook', () => {
      const session = useBrowserSession({ url: () => server.url, email: 'cfc001@test.local' });

      it('reads the published result with its explanation and acknowledges it', async () => {
        const { page } = session;
        await page.getByTestId('menu-my_appraisals').click();
        await page.getByTestId('my-total').getByText('85').waitFor();
        expect(await page.getByTestId('my-grade').innerText()).toBe('A');
        expect((await page.getByTestId('my-explanation').innerText()).length).toBeGreaterThan(20);
        await page.getByTestId('acknowledge').click();
        await page.getByText('You acknowledged this result on').waitFor();
        await screenshot(page, 'cycles-my-appraisal');
      });
    });
  });
});
