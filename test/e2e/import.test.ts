import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissingFor, type ConsoleServer, screenshot, startConsoleServer, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('the employee import page');

describe.skipIf(browserMissing)('employee import page', () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('as HR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('lists the expected columns and downloads a template with exactly those headers', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/import`);
      await page.getByTestId('import-columns').waitFor();
      const listed = (await page.getByTestId('import-column-name').allInnerTexts()).map((t) => t.replace(/\s*\*$/, '').trim());
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0]!;
      const headers = Array.from({ length: sheet.columnCount }, (_, i) => String(sheet.getRow(1).getCell(i + 1).value));
      expect(listed).toEqual(headers);
      await screenshot(page, 'import-columns');
    });

    it('reports a bad row by the column name the sheet uses, worded in the console language', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/import`);
      const csv = ['Employee number,Name,Department code,Position code,Hire date,Employment status', 'CFC001,Cook,CAFETERIA,CAF-COOK,2015-01-01,Permanent'].join('\n');
      await page.getByTestId('import-file').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Dry run' }).click();
      const errors = page.getByTestId('import-errors');
      await errors.waitFor({ timeout: 15_000 });
      const text = await errors.innerText();
      expect(text).toContain('Employment status');
      expect(text).not.toContain('employmentStatus');
      await screenshot(page, 'import-report');

      // "Regular", as the console and the export write it, is accepted.
      await page.getByTestId('import-file').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace('Permanent', 'Regular')) });
      await page.getByRole('button', { name: 'Dry run' }).click();
      await page.getByText('Every row is valid.').waitFor({ timeout: 15_000 });

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await page.getByText('表格的列').waitFor();
      const zh = await visibleText(page);
      for (const header of ['工号', '用工状态', '下载模板']) expect(zh).toContain(header);
    });
  });
});
