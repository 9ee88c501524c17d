import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../support/cycles.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { apiLogin, browserMissingFor, graphqlCall, screenshot, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('the governance pages');

/** HR publishes a notice and a policy; the employee sees the badge, reads and acknowledges both. */
describe.skipIf(browserMissing)('notices, inbox and policies in the console', () => {
  let server: TestServer;
  let policyId = '';

  beforeAll(async () => {
    server = await startTestServer();
    // A policy for everyone that asks for acknowledgement, written by HR and published by a second HR person (four eyes).
    const hr = await apiLogin(server.url, 'hr@demo.local');
    const numbers = await server.orm.em.fork().getConnection().execute<Array<{ n: string }>>(`select employee_number as n from employee where active order by employee_number desc limit 1`);
    const hr2 = await loginAs(server, numbers[0]?.n as string, ['HR', 'EMPLOYEE']);
    const draft = { title: { en: 'Code of conduct', zh: '员工行为规范' }, body: { en: '# Conduct\n\nBe **punctual**.', zh: '# 行为规范\n\n**准时**上岗。' }, effectiveFrom: '2026-01-01', scope: { kind: 'ALL' }, requiresAcknowledgement: true, acknowledgementWorkingDays: 5 };
    const created = await graphqlCall<{ createPolicy: { id: string; versions: Array<{ id: string; version: number }> } }>(server.url, 'mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { id versions { id version } } }', { i: { code: 'POL-CONDUCT', draft } }, hr);
    policyId = created.createPolicy.id;
    const v = created.createPolicy.versions[0] as { id: string; version: number };
    const T = 'mutation($id: ID!, $v: Int!, $a: PolicyVersionAction!) { transitionPolicyVersion(id: $id, version: $v, action: $a) { version } }';
    const reviewed = await graphqlCall<{ transitionPolicyVersion: { version: number } }>(server.url, T, { id: v.id, v: v.version, a: 'SUBMIT_FOR_REVIEW' }, hr);
    await graphqlCall(server.url, T, { id: v.id, v: reviewed.transitionPolicyVersion.version, a: 'PUBLISH' }, hr2);
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('HR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('composes and publishes a notice to everyone that asks for acknowledgement', async () => {
      const { page, pageErrors } = session;
      await page.getByTestId('menu-notices').click();
      await page.getByTestId('notice-compose').click();
      await page.getByTestId('notice-title-en').fill('Fire drill on Friday');
      await page.getByTestId('notice-title-zh').fill('周五消防演练');
      await page.getByTestId('notice-body-en').fill('Meet at the **main gate** at 10:00.');
      await page.getByRole('tab', { name: 'Chinese' }).click();
      await page.getByTestId('notice-body-zh').fill('10:00 在**正门**集合。');
      await page.getByTestId('notice-ack').click();
      await page.getByTestId('notice-publish').click();
      const row = page.locator('[data-testid^="notice-row-"]', { hasText: 'Fire drill on Friday' });
      await row.waitFor();
      expect(await row.innerText()).toContain('Live');
      await screenshot(page, 'governance-notices-hr');
      expect(pageErrors).toEqual([]);
    });

    it('previews Markdown safely in the policy editor: formatting rendered, raw HTML never', async () => {
      const { page } = session;
      await page.getByTestId('menu-policies').click();
      await page.getByTestId('policy-create').click();
      await page.getByTestId('policy-body-en').fill('# Rules\n\n**Bold** text <img src=x onerror="window.hacked=1">');
      await page.getByTestId('policy-preview-tab').click();
      const preview = page.getByTestId('policy-preview');
      await preview.locator('strong').waitFor();
      expect(await preview.locator('img').count()).toBe(0);
      expect(await page.evaluate('window.hacked')).toBeUndefined();
      await screenshot(page, 'governance-policy-editor');
      await page.keyboard.press('Escape');
    });
  });

  describe('employee', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'employee@demo.local' });

    it('sees the unread badge, reads the notice in the inbox and acknowledges it', async () => {
      const { page, pageErrors } = session;
      const badge = page.getByTestId('inbox-unread');
      await badge.waitFor();
      await page.waitForFunction(`Number(document.querySelector('[data-testid="inbox-unread"]')?.getAttribute('data-count') ?? '0') > 0`);
      const before = Number(await badge.getAttribute('data-count'));
      await page.getByTestId('inbox-badge').click();
      await page.getByTestId('inbox-table').waitFor();
      await page.locator('tr', { hasText: 'Fire drill on Friday' }).first().click();
      await page.getByTestId('notice-body').waitFor();
      expect(await page.getByTestId('notice-body').innerText()).toContain('main gate');
      await page.getByTestId('notice-acknowledge').click();
      await page.getByTestId('notice-acknowledged').waitFor();
      await screenshot(page, 'governance-inbox-employee');
      await page.keyboard.press('Escape');
      await page.waitForFunction(`Number(document.querySelector('[data-testid="inbox-unread"]')?.getAttribute('data-count') ?? '0') < ${before}`);
      expect(pageErrors).toEqual([]);
    });

    it('reads the policy that governs them and acknowledges it', async () => {
      const { page } = session;
      await page.getByTestId('menu-policies').click();
      await page.getByTestId('policy-POL-CONDUCT').click();
      await page.getByTestId('policy-body').waitFor();
      expect(await visibleText(page)).toContain('punctual');
      await page.getByTestId('policy-acknowledge').click();
      await page.getByTestId('policy-acknowledged').waitFor();
      await screenshot(page, 'governance-policy-employee');
    });
  });

  describe('HR tracking', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('sees who has acknowledged the policy and the notice reach', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/policies/${policyId}`);
      await page.getByTestId('policy-tracking').waitFor();
      expect(await page.getByTestId('policy-ack-status').innerText()).toMatch(/^1 of \d+ acknowledged/);
      await screenshot(page, 'governance-policy-tracking');
      await page.getByTestId('menu-notices').click();
      const reach = page.locator('[data-testid^="notice-row-"]', { hasText: 'Fire drill on Friday' }).locator('[data-testid^="notice-reach-"]');
      await reach.waitFor();
      expect(await reach.innerText()).toMatch(/^1 of \d+ read, 1 acknowledged$/);
    });
  });
});
