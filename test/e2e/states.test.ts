import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  browserMissingFor,
  type ConsoleServer,
  DEMO_PASSWORD,
  graphqlCall,
  login,
  openBrowser,
  screenshot,
  settle,
  startConsoleServer,
  useBrowserSession,
  visibleText,
} from './browser.js';

const browserMissing = browserMissingFor('the error, 403 and 404 states');

/** Switches the console language through the app bar's language menu. */
const switchLanguage = async (page: Page, to: 'English' | '中文'): Promise<void> => {
  await page.getByRole('button', { name: /English|中文/ }).first().click();
  await page.getByRole('menuitem', { name: to }).click();
};

describe.skipIf(browserMissing)('error, 403 and 404 states', () => {
  let server: ConsoleServer;
  let stranger: { id: string };

  beforeAll(async () => {
    server = await startConsoleServer();
    const hr = await apiLogin(server.url, 'hr@demo.local');
    const me = await graphqlCall<{ me: { employee: { id: string } } }>(server.url, '{ me { employee { id } } }', {}, await apiLogin(server.url, 'employee@demo.local'));
    const people = await graphqlCall<{ employees: { nodes: { id: string }[] } }>(server.url, '{ employees(first: 5) { nodes { id } } }', {}, hr);
    stranger = people.employees.nodes.find((e) => e.id !== me.me.employee.id)!;
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('signing in', () => {
    it('says the e-mail or password is wrong, the same for a wrong password and an unknown e-mail', async () => {
      const session = await openBrowser();
      try {
        const { page } = session;
        const attempt = async (email: string, password: string) => {
          await page.goto(`${server.url}/#/login`);
          await page.locator('input[name="username"]').fill(email);
          await page.locator('input[name="password"]').fill(password);
          await page.locator('button[type="submit"]').click();
          const alert = page.getByText('The e-mail or password is wrong.');
          await alert.waitFor({ timeout: 10_000 });
          const text = await visibleText(page);
          expect(text).not.toContain('Please sign in again');
        };
        await attempt('hr@demo.local', `${DEMO_PASSWORD}-wrong`);
        await screenshot(page, 'login-wrong-password');
        await attempt('nobody@demo.local', DEMO_PASSWORD);
      } finally {
        await session.close();
      }
    });
  });

  describe('as HR with the API unreachable', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('shows an error with a retry button on a list, never "no results", in both languages', async () => {
      const { page } = session;
      await page.route('**/graphql', (route) => route.abort('connectionrefused'));
      await page.goto(`${server.url}/#/positions`);
      await page.getByTestId('load-error').waitFor({ timeout: 15_000 });
      let text = await visibleText(page);
      expect(text).toContain('Could not load the data');
      expect(text).not.toMatch(/No .* found|of \d+/);
      await screenshot(page, 'list-load-error');

      await switchLanguage(page, '中文');
      await page.getByText('数据加载失败').waitFor();
      text = await visibleText(page);
      expect(text).toContain('重试');
      await screenshot(page, 'list-load-error-zh');
      await switchLanguage(page, 'English');

      // The API is back: retry loads the list.
      await page.unroute('**/graphql');
      await page.getByTestId('retry').click();
      await page.locator('.RaDatagrid-table, table').first().waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('load-error').count()).toBe(0);
    });

    it('shows the error state on a show page too, and retries', async () => {
      const { page } = session;
      await page.route('**/graphql', (route) => route.abort('connectionrefused'));
      await page.goto(`${server.url}/#/employees/${stranger.id}/show`);
      await page.getByTestId('load-error').waitFor({ timeout: 15_000 });
      await screenshot(page, 'show-load-error');
      await page.unroute('**/graphql');
      await page.getByTestId('retry').click();
      await page.getByText('Employee number').waitFor({ timeout: 15_000 });
    });
  });

  describe('deep links as an EMPLOYEE', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'employee@demo.local' });

    it("gets a 404 page for someone else's record (the API does not say it exists), in both languages", async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/employees/${stranger.id}/show`);
      await page.getByTestId('not-found').waitFor({ timeout: 15_000 });
      expect(await visibleText(page)).toContain('Page not found');
      await screenshot(page, 'employee-other-record-404');
      await switchLanguage(page, '中文');
      await page.getByText('页面不存在').first().waitFor();
      await switchLanguage(page, 'English');
    });

    it('gets a 403 page for pages of other roles', async () => {
      const { page } = session;
      for (const path of ['/employees/create', '/employees', '/departments', '/import', `/employees/${stranger.id}`]) {
        await page.goto(`${server.url}/#${path}`);
        await page.getByTestId('access-denied').waitFor({ timeout: 15_000 });
        expect(await visibleText(page), path).toContain('Access denied');
      }
      await screenshot(page, 'employee-403');
    });

    it('gets a 404 page with a translated title for an unknown address', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/no/such/page`);
      await page.getByTestId('not-found').waitFor({ timeout: 15_000 });
      const text = await visibleText(page);
      expect(text).not.toContain('app.title');
      await switchLanguage(page, '中文');
      await page.getByText('页面不存在').first().waitFor();
      expect(await visibleText(page)).not.toContain('app.');
      await screenshot(page, 'not-found-zh');
      await switchLanguage(page, 'English');
    });
  });

  describe('deep links as a SUPERVISOR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'supervisor@demo.local' });

    it('gets a 403 page for the create page', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/employees/create`);
      await page.getByTestId('access-denied').waitFor({ timeout: 15_000 });
    });
  });

  describe('dashboards', () => {
    const expected: Record<string, { offers: string[]; never: string[] }> = {
      'hr@demo.local': { offers: ['departments', 'positions', 'employees', 'import', 'indicators', 'indicatorCategories', 'schemes', 'my_profile'], never: [] },
      'admin@demo.local': { offers: ['departments', 'positions', 'employees'], never: ['import', 'indicators', 'schemes', 'my_profile'] },
      'committee@demo.local': { offers: ['employees', 'schemes'], never: ['import', 'departments'] },
      'supervisor@demo.local': { offers: ['my_team', 'schemes', 'my_profile'], never: ['import', 'departments', 'employees'] },
      'employee@demo.local': { offers: ['schemes', 'my_profile'], never: ['import', 'departments', 'employees', 'my_team'] },
    };

    // One test per role: in one test the five sign-ins and every dashboard link outgrew its time limit on a
    // loaded machine. Each role gets a fresh browser context, as a new sign-in on a cleared browser would.
    it.each(Object.entries(expected))('offers %s only what it can do, and every offer opens (no 403)', async (email, { offers, never }) => {
      const session = await openBrowser();
      try {
        const { page } = session;
        await login(page, server.url, email);
        for (const key of offers) await page.getByTestId(`dashboard-${key}`).waitFor();
        for (const key of never) expect(await page.getByTestId(`dashboard-${key}`).count(), `${email} ${key}`).toBe(0);
        const text = await visibleText(page);
        if (!offers.includes('import')) expect(text.toLowerCase(), email).not.toContain('spreadsheet');
        await screenshot(page, `dashboard-${email.split('@')[0]}`);
        const links = await page.locator('[data-testid^="dashboard-"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        for (const href of links) {
          await page.goto(`${server.url}/${href}`);
          await settle(page);
          expect(await page.getByTestId('access-denied').count(), `${email} ${href}`).toBe(0);
          expect(await page.getByTestId('not-found').count(), `${email} ${href}`).toBe(0);
        }
      } finally {
        await session.close();
      }
    });
  });
});
