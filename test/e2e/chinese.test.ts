import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, browserMissingFor, type ConsoleServer, escapeRegExp, graphqlCall, login, openBrowser, screenshot, settle, startConsoleServer } from './browser.js';
import { demoData, ROLES, untranslated } from './chinese-text.js';

const browserMissing = browserMissingFor('the Chinese console walk');

/** Links on the page that stay inside the resource of `path` (create, edit, show, import, compare, ...). */
const linksWithin = async (page: Page, path: string): Promise<string[]> => {
  const resource = path.split('/')[1];
  const hrefs = await page.locator(`a[href^="#/${resource}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs)].map((href) => href.slice(1));
};

describe.skipIf(browserMissing)('the console in Chinese', () => {
  let server: ConsoleServer;
  let data: string[];
  /** Pages no menu entry or in-page link reaches: the printable archive (the Archive tab opens it in a new window). */
  const unlinked: Record<string, string[]> = {};

  beforeAll(async () => {
    server = await startConsoleServer();
    data = await demoData(server.url);
    for (const email of ['hr@demo.local', 'employee@demo.local']) {
      const me = await graphqlCall<{ me: { employee: { id: string } | null } }>(server.url, '{ me { employee { id } } }', {}, await apiLogin(server.url, email));
      if (me.me.employee) unlinked[email] = [`/archive/${me.me.employee.id}/print`];
    }
  });

  afterAll(async () => {
    await server?.stop();
  });

  for (const email of ROLES) {
    it(`shows no English and no raw keys to ${email.split('@')[0]} on any page reachable from the menu`, async () => {
      const session = await openBrowser();
      const problems: string[] = [];
      const visited = new Set<string>();
      try {
        const { page } = session;
        await login(page, server.url, email);
        // The check itself must see English where there is English, or this walk proves nothing.
        expect(await untranslated(page, data)).not.toEqual([]);
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('menuitem', { name: '中文' }).click();
        await page.getByText('欢迎').first().waitFor();

        const check = async (path: string): Promise<void> => {
          if (visited.has(path)) return;
          visited.add(path);
          await page.goto(`${server.url}/#${path}`);
          await settle(page);
          for (const problem of await untranslated(page, data)) problems.push(`${path}: ${problem}`);
        };

        // Pages added later are walked too: everything comes from the menu, then the links on each page.
        const menuLinks = await page
          .locator('a[data-testid^="menu-"]')
          .evaluateAll((as) => as.map((a) => ({ to: (a.getAttribute('href') ?? '').slice(1), label: (a.textContent ?? "").trim(), key: a.getAttribute('data-testid') })));
        expect(menuLinks.length).toBeGreaterThan(1);
        for (const { to: entry, label, key } of menuLinks) {
          await check(entry);
          // The menu offers only what opens: no 403 and no failed load behind an entry.
          if ((await page.locator('[data-testid="access-denied"], [data-testid="load-error"], [data-testid="not-found"]').count()) > 0)
            problems.push(`${entry}: the menu entry opens an error page`);
          // One name per concept: a page opened from the menu is titled as the menu names it ("员工", not "员工 列表").
          // The title renders after the page's data on a loaded machine, and while the page changes the previous
          // title may still be mounted beside the new one: wait (briefly) for the menu's name among the titles.
          // A locator, not waitForFunction: the console's CSP forbids the string evaluation that one needs.
          await page
            .locator('#react-admin-title', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) })
            .first()
            .waitFor({ timeout: 15_000 })
            .catch(() => undefined);
          const titles = await page.locator('#react-admin-title').evaluateAll((ts) => ts.map((t) => (t.textContent ?? '').trim()).filter((t) => t !== ''));
          const title = titles.includes(label) ? label : titles.join(' | ');
          if (key !== 'menu-my_profile' && title !== label) problems.push(`${entry}: title "${title}" but the menu says "${label}"`);
          if (entry === '/' || entry === '/import') continue;
          // The list's own links (create, import, templates) and its first record.
          const fromList = await linksWithin(page, entry);
          // The page has settled (check() waited for its requests and rendering): its rows, if any, are there.
          const row = page.locator('tbody tr.RaDatagrid-row, [data-testid="department-tree"] a').first();
          if ((await row.count()) > 0) {
            // The first cell: other cells may hold links to other records (a position's department).
            const cell = row.locator('td:not(:has(input[type="checkbox"]))').first();
            const listUrl = page.url();
            await ((await cell.count()) > 0 ? cell : row).click();
            // The row opens its record once react-admin has resolved where to (a tick later): wait for the address.
            await page.waitForURL((url) => url.href !== listUrl, { timeout: 5_000 }).catch(() => undefined);
            await settle(page);
            const record = new URL(page.url()).hash.slice(1);
            for (const problem of await untranslated(page, data)) if (!visited.has(record)) problems.push(`${record}: ${problem}`);
            visited.add(record);
            fromList.push(...(await linksWithin(page, record)));
          }
          for (const link of fromList.slice(0, 8)) await check(link);
        }
        for (const path of unlinked[email] ?? []) await check(path);
        await screenshot(page, `chinese-walk-${email.split('@')[0]}`);
      } finally {
        await session.close();
      }
      console.log(`${email}: walked ${visited.size} pages: ${[...visited].join(' ')}`);
      expect(problems).toEqual([]);
      // HR's walk covers some 35 pages (the cycle pages too): more than the default minute on a loaded machine.
    }, 180_000);
  }

  it('words server errors in Chinese from their rule and parameters', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await login(page, server.url, 'hr@demo.local');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await page.goto(`${server.url}/#/departments/create`);
      await page.locator('input[name="code"]').fill('HQ');
      await page.locator('input[name="name"]').fill('Second headquarters');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('HQ 已被使用').first().waitFor({ timeout: 15_000 });
      const text = await page.locator('body').innerText();
      expect(text).not.toContain('is already used');
      await screenshot(page, 'server-error-zh');
    } finally {
      await session.close();
    }
  });

  it('asks for dates in 年/月/日 on the employee form (not the browser\'s mm/dd/yyyy), and refuses a day that does not exist', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await login(page, server.url, 'hr@demo.local');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await page.goto(`${server.url}/#/employees/create`);
      const hire = page.locator('input[name="hireDate"]');
      await hire.waitFor({ timeout: 15_000 });
      expect(await hire.getAttribute('type')).toBe('text');
      expect(await hire.getAttribute('placeholder')).toBe('年/月/日');
      await hire.fill('2024/02/30');
      await page.getByText('请按 年/月/日 输入有效日期，例如 2025/10/03').waitFor();
      await hire.fill('2024/03/01');
      await page.getByText('请按 年/月/日 输入有效日期，例如 2025/10/03').waitFor({ state: 'detached' });
      await screenshot(page, 'employee-create-dates-zh');

      // On an existing optional date, Save refuses a day that does not exist instead of saving "no date".
      const hr = await apiLogin(server.url, 'hr@demo.local');
      const probationEnd = async (id: string) =>
        (await graphqlCall<{ employee: { probationEndDate: string | null } }>(server.url, 'query ($id: ID!) { employee(id: $id) { probationEndDate } }', { id }, hr)).employee.probationEndDate;
      const people = await graphqlCall<{ employees: { nodes: { id: string; probationEndDate: string | null }[] } }>(
        server.url,
        '{ employees(first: 50) { nodes { id probationEndDate } } }',
        {},
        hr,
      );
      const onProbation = people.employees.nodes.find((person) => person.probationEndDate !== null);
      if (!onProbation?.probationEndDate) throw new Error('the demo data has no employee with a probation end date');
      await page.goto(`${server.url}/#/employees/${onProbation.id}`);
      const probation = page.locator('input[name="probationEndDate"]');
      await probation.waitFor({ timeout: 15_000 });
      expect(await probation.inputValue()).toBe(onProbation.probationEndDate.replaceAll('-', '/'));
      // The form itself refuses (no request leaves): this employee is on probation, so the server would refuse
      // an emptied date too, but an employee who is not would silently lose it.
      const mutations: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/graphql') && (request.postData() ?? '').includes('mutation')) mutations.push(request.postData() ?? '');
      });
      await probation.fill('2025/2/30');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('请按 年/月/日 输入有效日期，例如 2025/10/03').first().waitFor();
      await page.getByText('表单输入无效').waitFor(); // react-admin's "the form has errors", not a server error
      await settle(page);
      expect(mutations).toEqual([]);
      expect(page.url()).toContain(`/employees/${onProbation.id}`);
      expect(await probationEnd(onProbation.id)).toBe(onProbation.probationEndDate);
      await screenshot(page, 'employee-edit-invalid-date-zh');
    } finally {
      await session.close();
    }
  });

  it('formats dates and money for the language: 2026年11月26日, 2026-11-26 22:34, ¥3,200.00', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await login(page, server.url, 'employee@demo.local');
      await page.getByRole('menuitem', { name: 'My profile' }).click();
      await page.getByText('Performance pay base').waitFor({ timeout: 15_000 });
      const english = await page.locator('body').innerText();
      expect(english).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}/); // Mar 1, 2024
      expect(english).toMatch(/¥[\d,]+\.\d{2}/);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await page.getByText('绩效工资基数').waitFor();
      const chinese = await page.locator('body').innerText();
      expect(chinese).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(chinese).toMatch(/¥[\d,]+\.\d{2}/);
      expect(chinese).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
      await screenshot(page, 'employee-profile-zh');

      // Instants: HR reads a position's "updated" time as 2026-11-26 22:34 (signing out keeps the language).
      await page.evaluate('localStorage.removeItem("appraisal.session")');
      await login(page, server.url, 'hr@demo.local');
      await page.goto(`${server.url}/#/positions`);
      await page.locator('tbody tr.RaDatagrid-row td').first().click();
      await page.getByText('更新时间').waitFor({ timeout: 15_000 });
      expect(await page.locator('body').innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    } finally {
      await session.close();
    }
  });
});
