import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, browserMissingFor, type ConsoleServer, graphqlCall, screenshot, startConsoleServer, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('honors');

// The committee in the console: committee@demo.local (the chair of "Excellent employees 2025", in voting with
// the other four members' votes in) opens the ballot, votes on the three candidates left, and records the decision
// with minutes; the vote is secret until then, and the tally shows once everyone voted.
describe.skipIf(browserMissing)('honors in Chromium', () => {
  let server: ConsoleServer;
  // The candidates' ids by employee number (the committee reads names only, so the page marks rows by id).
  const id: Record<string, string> = {};
  beforeAll(async () => {
    server = await startConsoleServer();
    const hr = await apiLogin(server.url, 'hr@demo.local');
    const list = await graphqlCall<{ nominations: { nodes: Array<{ candidate: { id: string; employeeNumber: string } }> } }>(server.url, '{ nominations(first: 50) { nodes { candidate { id employeeNumber } } } }', {}, hr);
    for (const n of list.nominations.nodes) id[n.candidate.employeeNumber] = n.candidate.id;
  });
  afterAll(() => server?.stop());

  const session = useBrowserSession({ url: () => server.url, email: 'committee@demo.local' });

  it('offers the committee its menu and the ballot with reasons and annual results, never money', async () => {
    const { page } = session;
    await page.getByRole('menuitem', { name: 'Honors' }).waitFor();
    const items = await page.getByRole('menuitem').allInnerTexts();
    expect(items.map((i) => i.trim())).toEqual(expect.arrayContaining(['Dashboard', 'Employees', 'Schemes', 'Honors']));
    await page.getByRole('menuitem', { name: 'Honors' }).click();
    await page.getByTestId('honor-program-EE-2025').waitFor({ timeout: 20_000 });
    await screenshot(page, 'honors-programs-committee');
    await page.getByRole('link', { name: 'Excellent employees 2025' }).click();
    await page.getByTestId(`candidate-${id.CF002}`).waitFor({ timeout: 20_000 });
    const text = await visibleText(page);
    expect(text).toContain('Ballot');
    expect(text).toContain('食堂改造期间保障供餐从未中断');
    expect(text).not.toMatch(/2,?000|reward|salary/i);
    expect(await page.getByTestId('my-vote').count()).toBe(2);
    await screenshot(page, 'honors-ballot-committee');
  });

  it('votes on the three candidates left; the chair records the decision with minutes within the quotas', async () => {
    const { page } = session;
    for (const who of ['CFC002', 'CFC003', 'CFH001']) {
      await page.getByTestId(`vote-${who === 'CFH001' ? 'REJECT' : 'APPROVE'}-${id[who]}`).click();
      await page.getByTestId(`candidate-${id[who]}`).getByTestId('my-vote').waitFor({ timeout: 15_000 });
    }
    await page.getByTestId('honor-decision-form').waitFor();
    // Everyone voted: the tally shows (the quota is two per department; all five are in the cafeteria).
    await page.getByText(/5 for, 0 against/).first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'honors-decision-form');
    // Carried ones default to approve: CFC002 and CFC003 carried too but are over the cafeteria's quota of two.
    for (const who of ['CFC002', 'CFC003']) {
      await page.getByTestId(`decision-row-${id[who]}`).getByRole('combobox').click();
      await page.getByRole('option', { name: 'Reject' }).click();
    }
    for (const who of ['CFC002', 'CFC003', 'CFH001']) await page.getByTestId(`note-${id[who]}`).fill('Over the cafeteria quota or not carried.');
    await page.getByTestId('honor-minutes').fill('The committee met on the last day of the vote; all five members took part.');
    await page.getByTestId('honor-record-decision').click();
    await page.getByTestId('honor-state-DECIDED').waitFor({ timeout: 20_000 });
    const text = await visibleText(page);
    expect(text).toContain('The committee met on the last day of the vote');
    await screenshot(page, 'honors-decided');
  });
});
