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

  // Each language's messages are a chunk of their own (admin/src/i18n/index.ts): a visitor downloads only theirs.
  for (const { locale, stored, signIn, other } of [
    { locale: 'en', stored: undefined, signIn: 'Sign in', other: 'catalog.zh' },
    { locale: 'zh', stored: 'zh', signIn: '登录', other: 'catalog.en' },
  ]) {
    it(`loads only the ${locale} messages for a visitor ${stored ? `who chose ${stored} before` : 'with an English browser'}`, async () => {
      const session = await openBrowser();
      try {
        const { page } = session;
        // react-admin keeps the chosen language in its store (localStorage `RaStore.locale`, JSON).
        if (stored) await page.addInitScript({ content: `localStorage.setItem('RaStore.locale', ${JSON.stringify(JSON.stringify(stored))});` });
        const scripts: string[] = [];
        page.on('request', (request) => {
          if (request.resourceType() === 'script') scripts.push(request.url().replace(/.*\//, ''));
        });
        await page.goto(`${server.url}/`);
        await page.getByRole('button', { name: signIn }).waitFor({ state: 'visible', timeout: 30_000 });
        expect(scripts.some((file) => file.startsWith(`catalog.${locale}-`))).toBe(true);
        expect(scripts.filter((file) => file.startsWith(`${other}-`))).toEqual([]);
        expect(session.pageErrors).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});
