import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, browserMissingFor, chooseOption, type ConsoleServer, graphqlCall, login, screenshot, settle, startConsoleServer, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('the console');

interface DemoPosition {
  id: string;
  name: string;
  department: { id: string; name: string };
}

interface Colleague {
  id: string;
  name: string;
  performancePayBase: string | null;
  floatingPayBase: string | null;
}

describe.skipIf(browserMissing)('console in Chromium', () => {
  let server: ConsoleServer;
  let position: DemoPosition;
  let colleague: Colleague;
  let employeeId: string;

  beforeAll(async () => {
    server = await startConsoleServer();
    const html = await (await fetch(`${server.url}/`)).text();
    if (!html.includes('id="root"')) {
      throw new Error(`${server.url}/ does not serve the console; build it first: pnpm --filter ./admin run build`);
    }
    const hr = await apiLogin(server.url, 'hr@demo.local');
    const positions = await graphqlCall<{ positions: { nodes: DemoPosition[] } }>(
      server.url,
      '{ positions(first: 1, filter: { active: true }) { nodes { id name department { id name } } } }',
      {},
      hr,
    );
    position = positions.positions.nodes[0]!;
    const employee = await graphqlCall<{ me: { employee: { id: string } | null } }>(
      server.url,
      '{ me { employee { id } } }',
      {},
      await apiLogin(server.url, 'employee@demo.local'),
    );
    employeeId = employee.me.employee!.id;
    // Someone else with pay on record, so the test can prove the EMPLOYEE never sees it.
    const others = await graphqlCall<{ employees: { nodes: Colleague[] } }>(
      server.url,
      '{ employees(first: 20, filter: { active: true }) { nodes { id name performancePayBase floatingPayBase } } }',
      {},
      hr,
    );
    colleague = others.employees.nodes.find((e) => e.id !== employeeId && e.performancePayBase !== null)!;
    expect(colleague).toBeDefined();
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('as HR', () => {
    const session = useBrowserSession();

    it('creates an employee through the form and finds it in the list', async () => {
      const { page } = session;
      await login(page, server.url, 'hr@demo.local', { screenshotAs: 'login' });
      await screenshot(page, 'hr-dashboard');

      const number = `E2E${Date.now().toString().slice(-7)}`;
      const name = `Test Person ${number}`;
      await page.goto(`${server.url}/#/employees/create`);
      await page.locator('input[name="employeeNumber"]').fill(number);
      await page.locator('input[name="name"]').fill(name);
      await chooseOption(page, 'departmentId', position.department.name);
      await chooseOption(page, 'positionId', position.name);
      await page.locator('input[name="hireDate"]').fill('2024-03-01');
      await page.locator('input[name="probationEndDate"]').fill('2024-08-31');
      await page.locator('input[name="performancePayBase"]').fill('3200.00');
      await screenshot(page, 'hr-employee-create');
      await page.getByRole('button', { name: 'Save' }).click();

      await page.waitForURL(/#\/employees\/[^/]+\/show/, { timeout: 20_000 }).catch(async (error: unknown) => {
        await screenshot(page, 'hr-employee-create-failed');
        throw error;
      });
      await page.getByText(name).first().waitFor();
      await screenshot(page, 'hr-employee-show');

      await page.goto(`${server.url}/#/employees?filter=${encodeURIComponent(JSON.stringify({ q: number }))}`);
      const row = page.locator('tbody tr', { hasText: number });
      await row.first().waitFor({ timeout: 20_000 });
      expect(await row.first().innerText()).toContain(name);
      await screenshot(page, 'hr-employee-list');
      expect(session.pageErrors).toEqual([]);
    });

    it('offers HR analytics in the menu and the running cycles on the dashboard', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/`);
      await page.getByRole('menuitem', { name: 'Analytics' }).waitFor();
      expect((await page.getByRole('menuitem').allInnerTexts()).map((i) => i.trim())).toEqual(expect.arrayContaining(['Dashboard', 'Employees', 'Appraisal cycles', 'Analytics']));
      await page.getByTestId('home-open-cycles').waitFor();
    });

    it('is offered the appeal queue, and the archive tab on an employee page with retention', async () => {
      const { page } = session;
      const items = (await page.getByRole('menuitem').allInnerTexts()).map((i) => i.trim());
      expect(items.indexOf('Appeals')).toBe(items.indexOf('Notices') + 1);
      await page.getByTestId('menu-appeals').click();
      await page.locator('[data-testid="appeals-empty"], [data-testid="appeals-table"]').first().waitFor();
      await page.getByTestId('appeal-desk').waitFor();
      await page.goto(`${server.url}/#/employees/${employeeId}/show/archive`);
      await page.getByTestId('archive-tab').waitFor();
      await page.getByTestId('archive-retention').waitFor();
      expect(await page.getByTestId('retention-years').innerText()).toMatch(/kept \d+ years/);
    });

    it('switches the console to Chinese', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/`);
      await page.getByRole('button', { name: /English/i }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await page.getByText('欢迎', { exact: false }).first().waitFor();
      const text = await visibleText(page);
      for (const label of ['部门', '岗位', '员工', '员工导入与导出', '统计分析', '进行中的考核周期']) expect(text).toContain(label);
      await screenshot(page, 'hr-dashboard-zh');
      await page.goto(`${server.url}/#/employees`);
      await page.getByText('工号').first().waitFor();
      await screenshot(page, 'hr-employee-list-zh');
      expect(await visibleText(page)).toContain('用工状态');
    });
  });

  describe('as the APPROVER (finance)', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'approver@demo.local' });

    it('is offered the payout batches beside their own pages, and no ledger or organization pages', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'Payout batches' }).waitFor();
      const items = await page.getByRole('menuitem').allInnerTexts();
      expect(items.map((i) => i.trim())).toEqual(['Dashboard', 'Schemes', 'Payout batches', 'My appraisals', 'My ledger', 'Inbox', 'Policies', 'My profile']);
      await page.getByTestId('role-APPROVER').waitFor();
      await screenshot(page, 'approver-dashboard');
    });
  });

  describe('as a SUPERVISOR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'supervisor@demo.local' });

    it('is offered the statements HR asks of raters, after their rating pages', async () => {
      const { page } = session;
      const items = (await page.getByRole('menuitem').allInnerTexts()).map((i) => i.trim());
      expect(items.indexOf('Statements')).toBe(items.indexOf('Team results') + 1);
      expect(items).not.toContain('Appeals');
      await page.getByTestId('menu-statements').click();
      await page.locator('[data-testid="statements-empty"], [data-testid^="statement-"]').first().waitFor();
    });
  });

  describe('as an EMPLOYEE', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'employee@demo.local' });

    it('is offered only their own appraisals and profile, not the employee list', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'My profile' }).waitFor();
      const items = await page.getByRole('menuitem').allInnerTexts();
      expect(items.map((i) => i.trim())).toEqual(['Dashboard', 'Schemes', 'My appraisals', 'My ledger', 'Inbox', 'Policies', 'My profile']);
      await screenshot(page, 'employee-dashboard');
    });

    it('is offered their own ledger: the statement of their rewards and punishments', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'My ledger' }).click();
      await page.getByTestId('statement-money-total').waitFor({ timeout: 20_000 });
      expect(await visibleText(page)).not.toContain('Payout batches');
    });

    it('sees their own pay on their profile', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'My profile' }).click();
      await page.waitForURL(new RegExp(`#/employees/${employeeId}/show`));
      await page.getByText('Performance pay base').waitFor({ timeout: 20_000 });
      await page.getByTestId('reporting-line').waitFor();
      await screenshot(page, 'employee-my-profile');
      // Their own archive, without HR's export and retention.
      await page.getByRole('tab', { name: 'Archive' }).click();
      await page.getByTestId('archive-tab').waitFor();
      expect(await page.getByTestId('archive-export').count()).toBe(0);
      expect(await page.getByTestId('archive-retention').count()).toBe(0);
    });

    it("cannot see other people's pay", async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/employees`);
      await settle(page);
      const listText = await visibleText(page);
      expect(listText).not.toContain(colleague.name);
      expect(listText).not.toContain('Performance pay base');
      await screenshot(page, 'employee-no-list');

      await page.goto(`${server.url}/#/employees/${colleague.id}/show`);
      await settle(page);
      const showText = await visibleText(page);
      expect(showText).not.toContain('Performance pay base');
      expect(showText).not.toContain('Floating pay base');
      for (const amount of [colleague.performancePayBase, colleague.floatingPayBase]) {
        if (amount) expect(showText).not.toContain(amount);
      }
      await screenshot(page, 'employee-other-profile');
    });
  });
});
