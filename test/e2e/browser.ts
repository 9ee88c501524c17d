import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { trackRequests } from './settle.js';

export { settle } from './settle.js';

/** Debian's Chromium; never a downloaded browser (`playwright install` is not used). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

// <repo>/test-results/screenshots whatever the working directory
const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export const DEMO_PASSWORD = 'demo1234';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** JavaScript errors the page threw, to fail tests on crashes rather than on timeouts */
  pageErrors: string[];
  close(): Promise<void>;
}

let browser: Promise<Browser> | undefined;

/** One Chromium per test file, launched when the file opens its first session and closed after the file. */
const sharedBrowser = (): Promise<Browser> =>
  (browser ??= chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  }));

/** Closes the file's Chromium (test/e2e/setup.ts runs it after every file). */
export async function closeSharedBrowser(): Promise<void> {
  const launched = browser;
  browser = undefined;
  await (await launched)?.close();
}

/**
 * A fresh browser context per session (its own cookies, storage and cache, like a new profile), so no
 * login or locale leaks between tests; the Chromium process behind it is shared by the file's sessions.
 */
export const openBrowser = async (): Promise<BrowserSession> => {
  const context = await (await sharedBrowser()).newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  trackRequests(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    context,
    page,
    pageErrors,
    close: () => context.close(),
  };
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};

/** Signs in through the console's login page and waits for the dashboard greeting. */
export const login = async (page: Page, baseUrl: string, email: string, options: { screenshotAs?: string } = {}): Promise<void> => {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="username"]').waitFor();
  if (options.screenshotAs) await screenshot(page, options.screenshotAs);
  await page.locator('input[name="username"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('greeting').waitFor({ timeout: 20_000 });
};

/** Picks the option of a react-admin AutocompleteInput (by its source, the input name) whose text contains `text`. */
export const chooseOption = async (page: Page, source: string, text: string): Promise<void> => {
  const input = page.locator(`input[name="${source}"]`);
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: new RegExp(escapeRegExp(text)) }).first().click();
};

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A direct API call for test setup (finding demo records), with the headers the server requires. */
export const graphqlCall = async <T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as GraphQLResult<T>;
  if (result.errors?.length || !result.data) throw new Error(`GraphQL failed: ${JSON.stringify(result.errors)}`);
  return result.data;
};

export const apiLogin = async (baseUrl: string, email: string): Promise<string> => {
  const data = await graphqlCall<{ login: { token: string } }>(
    baseUrl,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password: DEMO_PASSWORD },
  );
  return data.login.token;
};

/** A screenshot of what is on screen only (long builder pages make full-page shots unreadable). */
export const screenshotViewport = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
};

/** Picks an option of a react-admin SelectInput (an MUI select beside a hidden input named after the source) by its visible text. */
export const chooseSelect = async (page: Page, source: string, text: string): Promise<void> => {
  await page.locator(`input[name="${source}"]`).locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: text, exact: true }).click();
};

/**
 * True when the browser tests must be skipped: no Chromium on a developer machine (announced loudly).
 * In CI a missing browser throws, so the run fails instead of passing without browser tests.
 */
export function browserMissingFor(suite: string): boolean {
  if (hasChromium()) return false;
  const message = `Chromium not found at ${CHROMIUM_PATH}: the browser tests of ${suite} cannot run.`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n${'!'.repeat(80)}\n!! SKIPPING BROWSER TESTS. ${message}\n!! Install Debian's chromium (apt-get install chromium) to run them.\n${'!'.repeat(80)}\n`);
  return true;
}

export interface ConsoleServer {
  url: string;
  stop(): Promise<void>;
}

/** The real API with a fresh seeded database serving the built console; E2E_BASE_URL points at a running one instead. */
export async function startConsoleServer(): Promise<ConsoleServer> {
  if (process.env.E2E_BASE_URL) return { url: process.env.E2E_BASE_URL.replace(/\/$/, ''), stop: async () => undefined };
  const { startTestServer } = await import('../support/server.js');
  return startTestServer();
}

/** Everything visible on the page, for text assertions. */
export const visibleText = (page: Page): Promise<string> => page.locator('body').innerText();

/**
 * A fresh browser for the enclosing describe block, signed in when `signIn` is given, closed after the
 * block. Its fields are read when a test runs, after `beforeAll` has opened it.
 */
export function useBrowserSession(signIn?: { url: () => string; email: string }): BrowserSession {
  let current: BrowserSession | undefined;
  beforeAll(async () => {
    current = await openBrowser();
    if (signIn) await login(current.page, signIn.url(), signIn.email);
  });
  afterAll(async () => {
    await current?.close();
  });
  const open = (): BrowserSession => {
    if (!current) throw new Error('the browser session is opened in beforeAll');
    return current;
  };
  return {
    get context() {
      return open().context;
    },
    get page() {
      return open().page;
    },
    get pageErrors() {
      return open().pageErrors;
    },
    close: () => open().close(),
  };
}
