import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { browserMissingFor, screenshot, useBrowserSession } from './browser.js';

const browserMissing = browserMissingFor('the cycle dashboard');

/**
 * The demo cycles (api/src/seed/demo-cycles.ts): nursing November in its self-review and rating windows, October
 * published, two probation reviews started; today is the day the demo was seeded.
 */
describe.skipIf(browserMissing)('the cycle dashboard on the demo cycles', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demoCycles: true });
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('HR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('reads the November dashboard by phase and department, with the overdue people, and sends reminders', async () => {
      const { page, pageErrors } = session;
      expect((await page.getByRole('menuitem').allInnerTexts()).map((i) => i.trim())).toContain('Probations due');
      await page.getByTestId('menu-cycles').click();
      await page.getByRole('link', { name: 'Nursing November 2026' }).click();
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
  });
});
