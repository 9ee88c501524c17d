import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';
import { apiLogin, browserMissingFor, type ConsoleServer, graphqlCall, login, openBrowser, screenshot, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('analytics');

interface Distribution {
  departmentId: string;
  size: number;
}
const GRADES = 'query($f: AnalyticsFilter) { analytics(filter: $f) { gradeDistribution { departmentId size } scoreHistogram(min: "0", max: "100", buckets: 10) { buckets { count } } } }';
type GradesAnswer = { analytics: { gradeDistribution: Distribution[]; scoreHistogram: { buckets: Array<{ count: number }> } } };
const graded = (a: GradesAnswer) => a.analytics.gradeDistribution.reduce((s, r) => s + r.size, 0);

/** The numbers line of a chart ("Graded: 12") once the page holds the answer to the current filter. */
const summary = async (page: Page, chart: string): Promise<string> => {
  await page.getByTestId('analytics-ready').waitFor({ timeout: 30_000 });
  return (await page.getByTestId(`${chart}-summary`).innerText()).trim();
};
const bars = (page: Page, chart: string) => page.locator(`[data-testid="${chart}"] .MuiBarElement-root`).count();

// HR opens the analytics page over the demo's published cycles, narrows it to one department (and below) and sees
// the charts change to that department's numbers (checked against the API); a supervisor sees their line only.
describe.skipIf(browserMissing)('analytics in Chromium', () => {
  let server: ConsoleServer;
  let all: GradesAnswer;
  let department: { id: string; name: string; graded: GradesAnswer };
  let line: GradesAnswer;

  beforeAll(async () => {
    // The template with the demo cycles: published nursing and headquarters results, open tasks, appeals.
    server = await startTestServer({ demoCycles: true });
    const hr = await apiLogin(server.url, 'hr@demo.local');
    all = await graphqlCall<GradesAnswer>(server.url, GRADES, {}, hr);
    const departments = await graphqlCall<{ departments: { nodes: Array<{ id: string; name: string }> } }>(server.url, '{ departments(first: 500) { nodes { id name } } }', {}, hr);
    // The department with the most graded people, which is not everyone (so filtering changes the chart).
    const biggest = [...all.analytics.gradeDistribution].sort((a, b) => b.size - a.size)[0];
    if (!biggest) throw new Error('the demo has no published grades');
    const name = departments.departments.nodes.find((d) => d.id === biggest.departmentId)?.name ?? '';
    department = { id: biggest.departmentId, name, graded: await graphqlCall<GradesAnswer>(server.url, GRADES, { f: { departmentId: biggest.departmentId } }, hr) };
    line = await graphqlCall<GradesAnswer>(server.url, GRADES, {}, await apiLogin(server.url, 'supervisor@demo.local'));
  });
  afterAll(() => server?.stop());

  describe('as HR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('opens analytics, filters by department, and the charts show that department\'s numbers', async () => {
      const { page } = session;
      expect(graded(department.graded)).toBeGreaterThan(0);
      expect(graded(department.graded)).toBeLessThan(graded(all));
      await page.getByRole('menuitem', { name: 'Analytics' }).click();
      expect(await summary(page, 'chart-grades')).toBe(`Graded: ${graded(all).toLocaleString('en-US')}`);
      const histogramTotal = all.analytics.scoreHistogram.buckets.reduce((s, b) => s + b.count, 0);
      expect(await summary(page, 'chart-histogram')).toContain(`Appraisals: ${histogramTotal.toLocaleString('en-US')}`);
      // One bar per grade and department row of the scheme shown (the chart draws every group, zero-height bars too);
      // the demo's programs have different grades, so the chart shows one scheme at a time and offers the others.
      const before = await bars(page, 'chart-grades');
      expect(before).toBeGreaterThan(0);
      const schemeChips = page.locator('[data-testid="grade-schemes"] .MuiChip-root');
      const schemesBefore = await schemeChips.count();
      expect(schemesBefore).toBeGreaterThan(1);
      await page.getByTestId('chart-pay').waitFor();
      await screenshot(page, 'analytics-hr');

      await page.getByRole('combobox', { name: 'Department and below' }).click();
      await page.getByRole('option', { name: department.name, exact: true }).click();
      await page.getByTestId('analytics-stale').waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
      const expected = `Graded: ${graded(department.graded).toLocaleString('en-US')}`;
      await page.waitForFunction(`document.querySelector('[data-testid="chart-grades-summary"]')?.textContent?.trim() === ${JSON.stringify(expected)}`, undefined, { timeout: 30_000 });
      expect(await bars(page, 'chart-grades')).toBeGreaterThan(0);
      expect(await schemeChips.count()).toBeLessThan(schemesBefore);
      const deptHistogram = department.graded.analytics.scoreHistogram.buckets.reduce((s, b) => s + b.count, 0);
      expect(await summary(page, 'chart-histogram')).toContain(`Appraisals: ${deptHistogram.toLocaleString('en-US')}`);
      await screenshot(page, 'analytics-hr-department');

      // The numbers behind the chart: the table and the CSV agree with the API.
      await page.getByTestId('chart-grades-table-toggle').click();
      const table = await page.getByTestId('chart-grades-table').innerText();
      expect(table).toContain(department.name);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-grades-export').click()]);
      expect(download.suggestedFilename()).toBe('grade-distribution.csv');
      const csv = await readFile((await download.path()) as string, 'utf8');
      const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/);
      expect(lines[0]).toBe('"Department","Scheme","Graded","Grade","People","Share %"');
      const counted = lines.slice(1).reduce((s, l) => s + Number(l.split('","')[4]), 0);
      expect(counted).toBe(graded(department.graded));
      expect(session.pageErrors).toEqual([]);
    });

    it('shows HR the running cycles, the completion and the key charts on the dashboard', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'Dashboard' }).click();
      await page.getByTestId('home-open-cycles').waitFor();
      await page.getByTestId('key-charts').waitFor({ timeout: 30_000 });
      const text = await visibleText(page);
      expect(text).toContain('Open cycles');
      expect(text).toContain('Key charts');
      expect(await page.locator('[data-testid="load-error"], [data-testid="access-denied"]').count()).toBe(0);
      await screenshot(page, 'analytics-hr-dashboard');
    });
  });

  it('shows a supervisor their line only, without pay, and their team\'s progress on the dashboard', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await login(page, server.url, 'supervisor@demo.local');
      await page.getByTestId('home-team-progress').waitFor();
      await page.getByTestId('home-ratings-todo').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-testid="load-error"], [data-testid="access-denied"]').count()).toBe(0);
      await screenshot(page, 'analytics-supervisor-dashboard');
      await page.getByRole('menuitem', { name: 'Analytics' }).click();
      expect(graded(line)).toBeLessThan(graded(all));
      expect(await summary(page, 'chart-grades')).toBe(`Graded: ${graded(line).toLocaleString('en-US')}`);
      expect(await visibleText(page)).toContain('Published results and open tasks of your reporting line only.');
      expect(await page.getByTestId('chart-pay').count()).toBe(0);
      await screenshot(page, 'analytics-supervisor');
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('keeps analytics away from an employee (no menu entry, a 403 page at the address)', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await login(page, server.url, 'employee@demo.local');
      await page.getByTestId('home-my-tasks').waitFor();
      expect(await page.getByRole('menuitem', { name: 'Analytics' }).count()).toBe(0);
      await page.goto(`${server.url}/#/analytics`);
      await page.getByTestId('access-denied').waitFor({ timeout: 20_000 });
      await screenshot(page, 'analytics-employee-denied');
    } finally {
      await session.close();
    }
  });
});
