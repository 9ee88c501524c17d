import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, browserMissingFor, type ConsoleServer, graphqlCall, screenshot, startConsoleServer, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('the ledger');

// The ledger in the console: the supervisor proposes an honor award for a nurse of her line (first out of the rule's
// range, refused naming it), HR approves it, sees the demo's reversal, builds the March 2026 payout batch and submits
// it; approver@ (finance) approves it; HR exports it and the workbook's totals row matches the batch; the nurse reads
// the paid entry on her statement.
const PERIOD = '2026-03';
const cents = (s: string) => BigInt(s.replace('.', ''));

describe.skipIf(browserMissing)('the ledger in Chromium', () => {
  let server: ConsoleServer;
  let nurse: { id: string; name: string; employeeNumber: string };
  let batchTotal = '';

  beforeAll(async () => {
    server = await startConsoleServer();
    const me = await graphqlCall<{ me: { employee: { id: string; name: string; employeeNumber: string } } }>(server.url, '{ me { employee { id name employeeNumber } } }', {}, await apiLogin(server.url, 'employee@demo.local'));
    nurse = me.me.employee;
  });
  afterAll(() => server?.stop());

  describe('as the supervisor', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'supervisor@demo.local' });

    it('proposes an award for a nurse of her line; an amount outside the rule\'s range is refused, naming the range', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'Ledger', exact: true }).click();
      await page.getByTestId('ledger-propose').waitFor({ timeout: 20_000 });
      await page.getByTestId('ledger-propose').click();
      await page.getByTestId('propose-person').fill(nurse.employeeNumber);
      await page.getByRole('option', { name: new RegExp(nurse.employeeNumber) }).click({ timeout: 15_000 });
      await page.getByTestId('propose-rule').locator('..').getByRole('combobox').click();
      await page.getByRole('option', { name: /Annual excellent employee award/ }).click();
      await page.locator('input[type="date"]').fill(`${PERIOD}-16`);
      await page.getByTestId('propose-quantity').fill('6000');
      await page.getByTestId('propose-evidence').fill('Ran the ward through the March flu wave without a single missed round.');
      await page.getByTestId('propose-submit').click();
      const refusal = page.getByTestId('propose-error');
      await refusal.waitFor({ timeout: 15_000 });
      expect(await refusal.innerText()).toMatch(/500.*5,?000/);
      await screenshot(page, 'ledger-propose-out-of-range');
      await page.getByTestId('propose-quantity').fill('1234.56');
      await page.getByTestId('propose-submit').click();
      await page.getByTestId('propose-dialog').waitFor({ state: 'hidden', timeout: 15_000 });
      const row = page.locator('[data-testid^="entry-"]', { hasText: 'March flu wave' }).first();
      await row.waitFor({ timeout: 15_000 });
      expect(await row.innerText()).toContain('¥1,234.56');
      expect(await row.innerText()).toContain('Proposed');
      await screenshot(page, 'ledger-supervisor-entries');
      expect(session.pageErrors).toEqual([]);
    });
  });

  describe('as HR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('approves the proposal and sees a reversal pointing at its original entry', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'Ledger', exact: true }).click();
      await page.getByTestId('filter-status').locator('..').getByRole('combobox').click();
      await page.getByRole('option', { name: 'Proposed' }).click();
      const row = page.locator('tr', { hasText: 'March flu wave' }).first();
      await row.waitFor({ timeout: 20_000 });
      await screenshot(page, 'ledger-hr-proposed');
      await row.getByTestId('entry-approve').click();
      await page.getByText('Entry approved').first().waitFor({ timeout: 15_000 });
      // The demo's workwear reversal: a proposed entry that names the entry it cancels.
      await page.getByTestId('filter-status').locator('..').getByRole('combobox').click();
      await page.getByRole('option', { name: 'All' }).click();
      await page.getByTestId('filter-source').locator('..').getByRole('combobox').click();
      await page.getByRole('option', { name: 'Reversal' }).click();
      const reversal = page.getByTestId('entry-reverses').first();
      await reversal.waitFor({ timeout: 20_000 });
      expect(await reversal.innerText()).toMatch(/Reverses the entry of May 14, 2026/);
      await screenshot(page, 'ledger-hr-reversal');
      expect(session.pageErrors).toEqual([]);
    });

    it('builds the March payout batch with totals by department and component and submits it', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'Payout batches' }).click();
      await page.getByTestId('batch-period').fill(PERIOD);
      await page.getByTestId('batch-create').click();
      await page.getByTestId('batch-number').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('batch-number').innerText()).toBe(`PB-${PERIOD}-001`);
      const byComponent = await page.getByTestId('batch-by-component').innerText();
      expect(byComponent).toContain('Honor awards');
      expect(byComponent).toContain('¥1,234.56');
      expect(await page.getByTestId('batch-by-department').innerText()).toContain('Total');
      batchTotal = (await page.getByTestId('batch-total').innerText()).replace(/[¥,\s]/g, '');
      await page.getByTestId('batch-entries').getByText('March flu wave').waitFor();
      await screenshot(page, 'ledger-batch-draft');
      await page.getByTestId('batch-submit').click();
      await page.getByTestId('batch-header').getByTestId('payout-status-SUBMITTED').waitFor({ timeout: 15_000 });
      // HR prepares; approving is the approver's (no button here).
      expect(await page.getByTestId('batch-approve').count()).toBe(0);
      expect(session.pageErrors).toEqual([]);
    });
  });

  describe('as the approver', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'approver@demo.local' });

    it('sees the batches awaiting approval, never the ledger pages, and approves the March batch', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'Payout batches' }).waitFor();
      const items = (await page.getByRole('menuitem').allInnerTexts()).map((i) => i.trim());
      expect(items).toContain('Payout batches');
      expect(items).not.toContain('Ledger');
      await page.getByRole('menuitem', { name: 'Payout batches' }).click();
      await page.getByTestId(`batch-PB-${PERIOD}-001`).waitFor({ timeout: 20_000 });
      await screenshot(page, 'ledger-approver-batches');
      await page.getByRole('link', { name: `PB-${PERIOD}-001` }).click();
      // The entries put before the approver, with their amounts (the evidence and the people's records are not theirs).
      await page.getByTestId('batch-entries').getByText('¥1,234.56').first().waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('access-denied').count()).toBe(0);
      await page.getByTestId('batch-approve').click();
      await page.getByTestId('batch-header').getByTestId('payout-status-APPROVED').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('batch-checksum').innerText()).toMatch(/[0-9a-f]{64}/);
      await screenshot(page, 'ledger-approver-approved');
      await page.goto(`${server.url}/#/ledger`);
      await page.getByTestId('access-denied').waitFor({ timeout: 15_000 });
      expect(session.pageErrors).toEqual([]);
    });
  });

  describe('HR exports the approved batch', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('downloads an xlsx whose lines and totals row match the batch to the cent', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'Payout batches' }).click();
      await page.getByRole('link', { name: `PB-${PERIOD}-001` }).click();
      await page.getByTestId('batch-header').getByTestId('payout-status-APPROVED').waitFor({ timeout: 20_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-export').click()]);
      expect(download.suggestedFilename()).toBe(`PB-${PERIOD}-001.xlsx`);
      const path = await download.path();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0] as ExcelJS.Worksheet;
      const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? '')));
      const totalRow = rows.find((r) => r[0] === 'TOTAL');
      const lines = rows.slice(1, rows.indexOf(totalRow as string[]));
      expect(totalRow?.[5]).toBe(batchTotal);
      expect(lines.reduce((s, r) => s + cents(r[5] ?? '0'), 0n)).toBe(cents(batchTotal));
      expect(lines.some((r) => r[0] === nurse.employeeNumber && r[4] === 'honors' && r[5] === '1234.56')).toBe(true);
      await screenshot(page, 'ledger-batch-exported');
    });
  });

  describe('as the nurse', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'employee@demo.local' });

    it('reads the paid award on her statement, with the batch it was paid in', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'My ledger' }).click();
      await page.getByTestId('month-from').fill(PERIOD);
      await page.getByTestId('month-to').fill(PERIOD);
      const row = page.getByTestId('statement-entries').locator('tr', { hasText: 'March flu wave' });
      await row.waitFor({ timeout: 20_000 });
      await screenshot(page, 'ledger-employee-statement');
      const text = await row.innerText();
      expect(text).toContain('Paid');
      expect(text).toContain(`Batch PB-${PERIOD}-001`);
      expect(await page.getByTestId('statement-money-total').innerText()).toContain('¥1,234.56');
      expect(await page.getByTestId('ledger-statement').count()).toBe(1);
      expect(await visibleText(page)).not.toContain('Department totals');
      expect(session.pageErrors).toEqual([]);
    });
  });
});
