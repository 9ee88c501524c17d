import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { apiLogin, browserMissingFor, graphqlCall, screenshot, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('the appeal pages');

/** The card of one appraisal on "My appraisals", by its cycle's name in the console language. */
const card = (page: Page, cycle: string) => page.getByTestId('my-appraisal').filter({ hasText: cycle });

/**
 * An employee appeals their published October result in the console; HR starts the review, assigns a handler, asks the
 * head nurse for a statement, upholds the appeal with a re-score and closes it; the employee, in Chinese, sees the decision and the new
 * result next to the old one.
 */
describe.skipIf(browserMissing)('appeals in the console', () => {
  let server: TestServer;
  let before = { total: '', grade: '' };

  beforeAll(async () => {
    server = await startTestServer({ demoCycles: true });
    const token = await apiLogin(server.url, 'employee@demo.local');
    // Result fields are read per published appraisal (the list refuses them before publication).
    const mine = await graphqlCall<{ myAppraisals: { nodes: Array<{ id: string; cycle: { name: string } }> } }>(server.url, '{ myAppraisals(first: 50) { nodes { id cycle { name } } } }', {}, token);
    const october = mine.myAppraisals.nodes.find((a) => a.cycle.name === 'Nursing October 2026');
    expect(october).toBeDefined();
    const result = await graphqlCall<{ appraisal: { total: string; grade: string | null } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { total grade } }', { id: october?.id }, token);
    before = { total: result.appraisal.total, grade: result.appraisal.grade ?? '' };
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  });

  describe('the employee files an appeal', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'employee@demo.local' });

    it('appeals the published October result with grounds and an attachment, and sees it filed with its due day', async () => {
      const { page, pageErrors } = session;
      await page.getByTestId('menu-my_appraisals').click();
      const october = card(page, 'Nursing October 2026');
      await october.getByTestId('appeal-result').click();
      await page.getByTestId('appeal-grounds-input').fill('The head nurse missed the patient praise of 18 October: service attitude should be full marks.');
      await page.getByTestId('appeal-files').setInputFiles({ name: 'praise-letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 praise letter') });
      await page.getByTestId('appeal-file-list').getByText('praise-letter.pdf').waitFor();
      await page.getByTestId('appeal-submit').click();
      await october.getByTestId('appeal-state-FILED').waitFor();
      expect(await october.getByTestId('my-appeal').innerText()).toMatch(/Answer due: [A-Z][a-z]{2} \d{1,2}, \d{4}/);
      await screenshot(page, 'appeals-employee-filed');
      await october.getByTestId('my-appeal-open').click();
      await page.getByTestId('appeal-page').waitFor();
      expect(await page.getByTestId('appeal-grounds').innerText()).toContain('patient praise of 18 October');
      expect(await page.getByTestId('appeal-attachments').innerText()).toContain('praise-letter.pdf');
      // The appellant never sees the handling (notes, statements).
      expect(await page.getByTestId('appeal-handling').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    });
  });

  describe('HR upholds it with a re-score', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('finds it in the queue with its due day and flags, assigns a handler, asks the head nurse, upholds with a re-score and closes it', async () => {
      const { page, pageErrors } = session;
      await page.getByTestId('menu-appeals').click();
      await page.getByTestId('appeal-desk').waitFor();
      const row = page.locator('[data-testid^="appeal-row-"]', { hasText: 'Appraisal result' }).filter({ has: page.getByTestId('appeal-state-FILED') });
      await row.first().waitFor();
      // The demo's nursing appeal is due in one working day: flagged on the desk and in the queue.
      expect(await page.getByTestId('desk-near-due').innerText()).toMatch(/[1-9]\d* due soon/);
      expect(await page.getByTestId('appeal-near-due').count()).toBeGreaterThan(0);
      await screenshot(page, 'appeals-hr-queue');
      await row.first().getByTestId('appeal-open').click();
      await page.getByTestId('appeal-page').waitFor();
      expect(await page.getByTestId('appeal-grounds').innerText()).toContain('patient praise');

      await page.getByTestId('appeal-start').click();
      await page.getByTestId('appeal-state-UNDER_REVIEW').waitFor();

      // HR assigns the Director of Nursing as handler: listed on the page, and a task in her inbox.
      await page.getByTestId('assign-handler-person').fill('Wang');
      await page.getByRole('option', { name: /Wang Fang/ }).click();
      await page.getByTestId('assign-handler').click();
      await page.getByTestId('appeal-handlers').getByText(/Wang Fang.*Handler/).waitFor();
      const handlerToken = await apiLogin(server.url, 'supervisor@demo.local');
      const inbox = await graphqlCall<{ myInbox: { nodes: Array<{ taskKind: string | null; link: { type: string; id: string } }> } }>(
        server.url,
        '{ myInbox(first: 100, filter: { kind: TASK }) { nodes { taskKind link { type id } } } }',
        {},
        handlerToken,
      );
      const appealId = page.url().split('/').pop();
      expect(inbox.myInbox.nodes).toContainEqual({ taskKind: 'appealToHandle', link: { type: 'Appeal', id: appealId } });
      await page.getByTestId('appeal-note').fill('Praise letter of 18 October is in the ward log.');
      await page.getByTestId('appeal-note-add').click();
      await page.getByTestId('appeal-notes').getByText('Praise letter of 18 October').waitFor();

      await page.getByTestId('appeal-ask').click();
      await page.getByTestId('ask-question').fill('Did you see the praise letter of 18 October?');
      await page.getByTestId('ask-excerpt').fill('The nurse says a patient praised her service on 18 October.');
      await page.getByTestId('ask-days').fill('1');
      await page.getByTestId('ask-confirm').click();
      await page.getByTestId('appeal-statements').getByText('Did you see the praise letter').waitFor();

      await page.getByTestId('appeal-decide').click();
      await page.getByTestId('decide-upheld').check();
      await page.getByTestId('decide-reason').fill('The praise letter was missed.');
      await page.getByTestId('decide-correction').fill('Service attitude 10 of 10.');
      await page.getByTestId('rescore-headNurse-serviceAttitude').fill('10');
      await screenshot(page, 'appeals-hr-decide');
      await page.getByTestId('decide-confirm').click();
      await page.getByTestId('appeal-state-DECIDED').waitFor();
      const versions = page.getByTestId('appeal-versions');
      await versions.waitFor();
      expect(Number(await page.getByTestId('version-before-total').innerText())).toBe(Number(before.total));
      expect(Number(await page.getByTestId('version-after-total').innerText())).toBeGreaterThan(Number(before.total));
      expect(await versions.innerText()).toContain('Version 2');
      await page.getByTestId('appeal-close').click();
      await page.getByTestId('appeal-state-CLOSED').waitFor();
      await screenshot(page, 'appeals-hr-decided');
      expect(pageErrors).toEqual([]);
    });
  });

  describe('the employee reads the decision in Chinese', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'employee@demo.local' });

    it('sees the appeal upheld and the new result version next to the old one', async () => {
      const { page, pageErrors } = session;
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await page.getByText('欢迎').first().waitFor();
      await page.getByTestId('menu-my_appraisals').click();
      const october = card(page, '护理 2026 年 10 月');
      await october.getByTestId('appeal-outcome-UPHELD').waitFor();
      expect(await october.getByTestId('my-appeal').innerText()).toContain('申诉成立');
      // The card shows the corrected result.
      const total = Number((await october.getByTestId('my-total').innerText()).replace(/,/g, ''));
      expect(total).toBeGreaterThan(Number(before.total));
      await october.getByTestId('my-appeal-open').click();
      await page.getByTestId('appeal-decision').waitFor();
      const text = await visibleText(page);
      expect(text).toContain('申诉成立');
      expect(text).toContain('第 2 版');
      expect(text).toContain('The praise letter was missed.');
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      await screenshot(page, 'appeals-employee-decision-zh');
      expect(pageErrors).toEqual([]);
    });
  });
});
