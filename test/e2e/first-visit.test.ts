import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissingFor, type ConsoleServer, login, openBrowser, screenshot, settle, startConsoleServer } from './browser.js';

const browserMissing = browserMissingFor('the first visit');

/** A new visitor must see the sign-in form quickly, even with a cold browser on a busy machine. */
const FIRST_VISIT_BUDGET_MS = 3_000;

/** A language's messages chunk (admin/src/i18n/catalogs.ts), as the built console names it: `assets/catalog.zh-<hash>.js`. */
const catalogChunk = (locale: 'en' | 'zh') => new RegExp(`/assets/catalog\\.${locale}-[^/]*\\.js$`);

/**
 * Intercepts one language's chunk: `answer` decides for each request (counted from 1) whether it fails (a dropped
 * chunk, as offline or after a redeploy removed it), waits for the returned promise, or goes through.
 */
const interceptCatalog = async (page: Page, locale: 'en' | 'zh', answer: (request: number) => 'fail' | 'pass' | Promise<void>): Promise<{ requests: () => number }> => {
  let requests = 0;
  await page.route(catalogChunk(locale), async (route: Route) => {
    const decision = answer(++requests);
    if (decision === 'fail') return route.abort('failed');
    if (decision !== 'pass') await decision;
    return route.continue();
  });
  return { requests: () => requests };
};

/** Runs `visit` in a fresh browser, which must end without a JavaScript error, and closes it. */
const inBrowser = async (visit: (page: Page) => Promise<void>): Promise<void> => {
  const session = await openBrowser();
  try {
    await visit(session.page);
    expect(session.pageErrors).toEqual([]);
  } finally {
    await session.close();
  }
};

/** Waits for a button by its accessible name (the first paint of a cold console can take a while on a busy machine). */
const button = async (page: Page, name: string) => {
  const found = page.getByRole('button', { name });
  await found.waitFor({ state: 'visible', timeout: 30_000 });
  return found;
};

/** The visitor chose Chinese on an earlier visit (react-admin's store: localStorage `RaStore.locale`, JSON). */
const choseChinese = (page: Page) => page.addInitScript({ content: `localStorage.setItem('RaStore.locale', ${JSON.stringify(JSON.stringify('zh'))});` });

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

  // admin/src/i18n: the first language's chunk may not arrive. The console then starts in English and asks for the
  // chosen language again; if English does not arrive either, a page in both languages offers a reload.
  describe('when a language chunk does not arrive', () => {
    it('starts in English when the chosen Chinese fails once, retries it and shows the sign-in form in Chinese', () =>
      inBrowser(async (page) => {
        await choseChinese(page);
        const zh = await interceptCatalog(page, 'zh', (n) => (n === 1 ? 'fail' : 'pass'));
        const en = await interceptCatalog(page, 'en', () => 'pass');
        await page.goto(`${server.url}/`);
        await button(page, '登录');
        await screenshot(page, 'first-visit-zh-retried');
        // The first request failed, the English fallback came, then Chinese was asked for again and arrived.
        expect(zh.requests()).toBe(2);
        expect(en.requests()).toBe(1);
      }));

    it('shows the sign-in form in English when Chinese keeps failing', () =>
      inBrowser(async (page) => {
        await choseChinese(page);
        const zh = await interceptCatalog(page, 'zh', () => 'fail');
        await page.goto(`${server.url}/`);
        await button(page, 'Sign in');
        await settle(page);
        await screenshot(page, 'first-visit-zh-failed');
        expect(zh.requests()).toBe(2);
        expect(await page.locator('input[type="password"]').isVisible()).toBe(true);
      }));

    it('shows a reload page in both languages when English fails too, and the reload brings the console', () =>
      inBrowser(async (page) => {
        await choseChinese(page);
        let dropping = true;
        await interceptCatalog(page, 'zh', () => (dropping ? 'fail' : 'pass'));
        await interceptCatalog(page, 'en', () => (dropping ? 'fail' : 'pass'));
        await page.goto(`${server.url}/`);
        const reload = await button(page, 'Reload / 重新加载');
        await screenshot(page, 'first-visit-load-failed');
        const text = await page.locator('#root').innerText();
        expect(text).toContain('The console could not be loaded. Check the connection and reload.');
        expect(text).toContain('控制台加载失败，请检查网络后重新加载。');
        // The connection is back: the button reloads into the console, in the chosen language.
        dropping = false;
        await reload.click();
        await button(page, '登录');
      }));
  });

  it('ends in English when the visitor switches to Chinese and back before the Chinese chunk arrives', () =>
    inBrowser(async (page) => {
      // The Chinese chunk is held until released; `zhAsked` resolves when the console asks for it.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let asked!: () => void;
      const zhAsked = new Promise<void>((resolve) => (asked = resolve));
      const zh = await interceptCatalog(page, 'zh', () => {
        asked();
        return released;
      });
      await login(page, server.url, 'hr@demo.local');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await zhAsked;
      // Chinese is still on its way: back to English (the menu names the chosen language, already 中文).
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      const arrived = page.waitForResponse(catalogChunk('zh'));
      release();
      await arrived;
      await settle(page);
      await screenshot(page, 'first-visit-fast-switch');
      expect(zh.requests()).toBe(1);
      expect(await page.getByTestId('greeting').innerText()).toMatch(/^Welcome, /);
      expect(await page.getByRole('button', { name: 'English' }).isVisible()).toBe(true);
    }));
});
