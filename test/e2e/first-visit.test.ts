import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissingFor, type ConsoleServer, openBrowser, screenshot, startConsoleServer } from './browser.js';

const browserMissing = browserMissingFor('the first visit');

/** A new visitor must see the sign-in form quickly, even with a cold browser on a busy machine. */
const FIRST_VISIT_BUDGET_MS = 3_000;

describe.skipIf(browserMissing)('first visit', () => {
  let server: ConsoleServer;

  beforeAll(async () => {
    server = await startConsoleServer();
    // Warm the server (not the browser): the first request of a fresh process compiles nothing we measure.
    await fetch(`${server.url}/`);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('shows the sign-in form within the budget, navigating to it once', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      // Counts history entries the console writes: the old bug was a logout loop of thousands of pushes to #/login.
      await page.addInitScript({
        content: `window.__navigations = 0;
          const push = history.pushState.bind(history);
          history.pushState = (...args) => { window.__navigations++; push(...args); };`,
      });
      const started = Date.now();
      await page.goto(`${server.url}/`, { waitUntil: 'commit' });
      await page.locator('input[type="password"]').waitFor({ state: 'visible', timeout: 30_000 });
      const elapsed = Date.now() - started;
      await screenshot(page, 'first-visit');
      const navigations = Number(await page.evaluate('window.__navigations'));
      console.log(`first visit: sign-in form after ${elapsed} ms, ${navigations} navigation(s)`);
      expect(page.url()).toMatch(/#\/login$/);
      expect(navigations).toBeLessThanOrEqual(2);
      expect(elapsed).toBeLessThan(FIRST_VISIT_BUDGET_MS);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
