import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { browserMissingFor, login, openBrowser, screenshot, settle, type BrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('the Content Security Policy');

/**
 * The console must work under the production Content Security Policy: every page HR opens renders, and
 * the browser reports no violation (scripts, styles, images, fonts, API calls).
 */
describe.skipIf(browserMissing)('the console under the production CSP', () => {
  let server: TestServer;
  let browser: BrowserSession;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ production: true });
    const html = await (await fetch(`${server.url}/`)).text();
    if (!html.includes('id="root"')) throw new Error('the console is not built; run pnpm build first');
    browser = await openBrowser();
    await browser.page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    // Runs in the page (a string: the test code has no DOM types).
    await browser.page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => window.reportCspViolation(event.violatedDirective + ' ' + event.blockedURI));`);
    browser.page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and shows departments, employees, indicators and a scheme with no violation', async () => {
    const response = await browser.page.goto(`${server.url}/#/login`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await login(browser.page, server.url, 'hr@demo.local').catch(async (error: unknown) => {
      await screenshot(browser.page, 'csp-login');
      throw new Error(`${String(error)}; CSP violations: ${violations.join(' | ')}; page errors: ${browser.pageErrors.join(' | ')}`);
    });
    for (const route of ['departments', 'employees', 'indicators', 'schemes']) {
      await browser.page.goto(`${server.url}/#/${route}`);
      // The departments screen is a tree, the others tables.
      const shown = route === 'departments' ? browser.page.getByText('Harbor Group') : browser.page.locator('table tbody tr');
      await shown.first().waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
        await screenshot(browser.page, `csp-${route}`);
        throw new Error(`${route}: ${String(error)}; CSP violations: ${violations.join(' | ')}`);
      });
    }
    const listUrl = browser.page.url();
    await browser.page.locator('table tbody tr').first().click();
    await browser.page.waitForURL((url) => url.href !== listUrl);
    await settle(browser.page);
    expect((await visibleText(browser.page)).length).toBeGreaterThan(50);
    expect(browser.pageErrors).toEqual([]);
    expect(violations).toEqual([]);
  });
});
