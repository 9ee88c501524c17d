import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, browserMissingFor, chooseOption, chooseSelect, type ConsoleServer, graphqlCall, screenshot, screenshotViewport, settle, startConsoleServer, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('the scheme builder');

/** Waits until the element with this test id shows the text (the builder's live sums and the debounced server calls). */
const waitForTestIdText = async (page: Page, testId: string, text: string | RegExp, timeout = 20_000): Promise<void> => {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor({ timeout });
};

const fillTestId = async (page: Page, testId: string, value: string): Promise<void> => {
  const input = page.getByTestId(testId);
  await input.fill(value);
};

// Head nurse 10 x 8 = 80, nursing department 32 + 24 + 24 = 80, satisfaction 45 / 50 x 100 = 90:
// 80 x 30% + 80 x 30% + 90 x 40% = 84 -> good ([80, 90]).
const HEAD_NURSE_ITEMS = [
  'workCompletion',
  'businessAbility',
  'workEfficiency',
  'workQuality',
  'laborDiscipline',
  'attitude',
  'attendance',
  'solidarity',
  'errorsAccidents',
  'serviceAttitude',
];

describe.skipIf(browserMissing)('scheme builder in Chromium', () => {
  let server: ConsoleServer;
  const code = `nursingE2e${Date.now().toString().slice(-6)}`;
  let schemeId = '';

  beforeAll(async () => {
    server = await startConsoleServer();
    const html = await (await fetch(`${server.url}/`)).text();
    if (!html.includes('id="root"')) {
      throw new Error(`${server.url}/ does not serve the console; build it first: pnpm --filter ./admin run build`);
    }
  });

  afterAll(async () => {
    await server?.stop();
  });

  describe('as HR', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

    it('creates a scheme from the nursing template, fixes a wrong weight, previews and publishes', async () => {
      const { page } = session;
      await page.getByRole('menuitem', { name: 'Schemes' }).waitFor();
      const menu = (await page.getByRole('menuitem').allInnerTexts()).map((i) => i.trim());
      expect(menu).toEqual(expect.arrayContaining(['Indicators', 'Indicator categories', 'Schemes']));

      await page.goto(`${server.url}/#/schemes/from-template`);
      await page.getByTestId('template-nursing').waitFor({ timeout: 20_000 });
      await page.getByTestId('template-nursing').click();
      await page.getByTestId('template-code').fill(code);
      await screenshot(page, 'schemes-01-template-picker');
      await page.getByTestId('template-create').click();

      await page.waitForURL((url) => /^#\/schemes\/[^/]+$/.test(url.hash) && !url.hash.endsWith('/from-template'), { timeout: 20_000 });
      schemeId = decodeURIComponent(page.url().split('/').pop() ?? '');
      await page.getByTestId('builder-title').waitFor({ timeout: 20_000 });
      await waitForTestIdText(page, 'section-weight-sum', 'Section weights add up to 100');
      await waitForTestIdText(page, 'preview-total', /\d/);
      await screenshotViewport(page, 'schemes-02-builder');

      // A wrong weight: the browser's own sum says so at once, the server's issue follows.
      await fillTestId(page, 'weight-headNurse', '20');
      await waitForTestIdText(page, 'section-weight-sum', 'Section weights add up to 90, not 100', 2_000);
      await waitForTestIdText(page, 'scheme-issues', /90, not 100/);
      expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
      await screenshotViewport(page, 'schemes-03-weight-wrong');

      await fillTestId(page, 'weight-headNurse', '30');
      await waitForTestIdText(page, 'section-weight-sum', 'Section weights add up to 100');
      await waitForTestIdText(page, 'scheme-issues', 'no issues');

      // Sample scores in the preview.
      for (const item of HEAD_NURSE_ITEMS) await fillTestId(page, `sample-headNurse-DIRECT_SUPERVISOR-${item}`, '8');
      await fillTestId(page, 'sample-nursingDept-DEPARTMENT-medicalEthics', '32');
      await fillTestId(page, 'sample-nursingDept-DEPARTMENT-theoryExam', '24');
      await fillTestId(page, 'sample-nursingDept-DEPARTMENT-operationExam', '24');
      await fillTestId(page, 'sample-satisfaction-SURVEY-patientSatisfaction-satisfied', '45');
      await fillTestId(page, 'sample-satisfaction-SURVEY-patientSatisfaction-returned', '50');
      await waitForTestIdText(page, 'preview-total', /^84(\.0+)?$/);
      await waitForTestIdText(page, 'preview-grade', 'Good');
      expect((await page.getByTestId('preview-explanation').innerText()).length).toBeGreaterThan(20);
      // Back to the top of the page and of the (sticky, scrolling) preview panel, where total and grade are.
      await page.getByTestId('preview-panel').evaluate((panel) => panel.parentElement?.scrollTo(0, 0));
      await page.evaluate('window.scrollTo(0, 0)');
      await screenshotViewport(page, 'schemes-04-preview');

      await page.getByRole('button', { name: 'Publish' }).click();
      await page.waitForURL(/#\/schemes\/[^/]+\/show/, { timeout: 20_000 });
      await page.getByTestId('version-1').waitFor({ timeout: 20_000 });
      await page.getByTestId('scheme-structure').waitFor();
      await screenshot(page, 'schemes-05-published');
      expect(session.pageErrors).toEqual([]);
    });

    it('starts a new draft from the published version and compares the two', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/schemes/${encodeURIComponent(schemeId)}`);
      await page
        .getByTestId('new-draft-banner')
        .waitFor({ timeout: 20_000 })
        .catch(async (error: unknown) => {
          await screenshot(page, 'schemes-06-new-draft-failed');
          throw error;
        });
      await fillTestId(page, 'weight-headNurse', '35');
      await fillTestId(page, 'weight-satisfaction', '35');
      await waitForTestIdText(page, 'section-weight-sum', 'Section weights add up to 100');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await waitForTestIdText(page, 'draft-state', 'Draft saved');
      await screenshotViewport(page, 'schemes-06-new-draft');

      await page.goto(`${server.url}/#/schemes/${encodeURIComponent(schemeId)}/compare`);
      await page.getByTestId('compare-table').waitFor({ timeout: 20_000 });
      await waitForTestIdText(page, 'compare-count', '2 differences');
      const differing = page.locator('[data-differs="true"]');
      expect(await differing.count()).toBe(2);
      expect(await differing.first().innerText()).toContain('30');
      await screenshot(page, 'schemes-07-compare');
      expect(session.pageErrors).toEqual([]);
    });
    it('adds an indicator to the library, retires it, and picks library indicators in a blank scheme', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/indicators?filter=${encodeURIComponent(JSON.stringify({ q: 'NURSE' }))}`);
      await page.locator('tbody tr', { hasText: 'NURSE-ETHICS' }).first().waitFor({ timeout: 20_000 });
      await screenshot(page, 'indicators-01-list');

      const indicatorCode = `E2E-${Date.now().toString().slice(-6)}`;
      await page.goto(`${server.url}/#/indicators/create`);
      await page.locator('input[name="code"]').fill(indicatorCode);
      await page.locator('input[name="name"]').fill('Ward tidiness');
      await page.locator('input[name="nameZh"]').fill('病房整洁');
      await chooseOption(page, 'categoryId', 'Environment');
      await chooseSelect(page, 'scoringMethod', 'Range of points');
      await page.locator('input[name="maxPoints"]').fill('20');
      await chooseSelect(page, 'measurementSource', 'Rated by a person');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/indicators\/[^/]+\/show/, { timeout: 20_000 });
      await page.getByText('Ward tidiness').first().waitFor();
      await screenshot(page, 'indicators-02-show');

      // A blank scheme: the builder opens on the API's skeleton document; its item comes from the library.
      const blankCode = `blankE2e${Date.now().toString().slice(-6)}`;
      await page.goto(`${server.url}/#/schemes/create`);
      await page.locator('input[name="code"]').fill(blankCode);
      await page.locator('input[name="name"]').fill('Ward appraisal');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('builder-title').waitFor({ timeout: 20_000 });
      const picker = page.getByTestId('sections[0].items[0]-indicator');
      await picker.click();
      await picker.fill(indicatorCode);
      await page.getByRole('option', { name: new RegExp(indicatorCode) }).first().click();
      // The builder applies the picked indicator to its document and renders the item again: wait for it, a loaded
      // machine showed the skeleton's GENERAL for a moment after the click.
      await expect.poll(() => page.locator('[data-path="sections[0].items[0].indicatorCode"]').inputValue(), { timeout: 15_000 }).toBe(indicatorCode);
      await expect.poll(() => page.locator('[data-path="sections[0].items[0].maxPoints"]').inputValue(), { timeout: 15_000 }).toBe('20');
      await waitForTestIdText(page, 'preview-total', /\d/);
      await screenshotViewport(page, 'schemes-10-blank-builder');

      // Retired indicators stay in the library but are no longer offered.
      await page.goto(`${server.url}/#/indicators?filter=${encodeURIComponent(JSON.stringify({ q: indicatorCode }))}`);
      await page.locator('tbody tr', { hasText: indicatorCode }).first().click();
      await page.getByRole('button', { name: 'Retire' }).click();
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByRole('button', { name: 'Reactivate' }).waitFor({ timeout: 20_000 });
      await screenshot(page, 'indicators-03-retired');
      expect(session.pageErrors).toEqual([]);
    });

    it('opens a seed scheme, shows every tab and a formula error at its position', async () => {
      const { page } = session;
      const hr = await apiLogin(server.url, 'hr@demo.local');
      const found = await graphqlCall<{ schemes: { nodes: { id: string; code: string }[] } }>(
        server.url,
        '{ schemes(first: 50, filter: { q: "headquarters" }) { nodes { id code } } }',
        {},
        hr,
      );
      const hq = found.schemes.nodes.find((n) => n.code === 'headquarters') ?? found.schemes.nodes[0];
      expect(hq).toBeDefined();
      await page.goto(`${server.url}/#/schemes/${encodeURIComponent(hq!.id)}`);
      await page.getByTestId('builder-title').waitFor({ timeout: 20_000 });
      await page.getByTestId('new-draft-banner').waitFor();
      for (const tab of ['adjustments', 'grades', 'quotas', 'pay', 'general']) {
        await page.getByTestId(`tab-${tab}`).click();
        await settle(page);
        if (tab === 'pay') await screenshotViewport(page, 'schemes-12-pay-tab');
      }
      await page.getByTestId('tab-formulas').click();
      const formula = page.getByTestId('rollups[0]-formula');
      const original = await formula.inputValue();
      await formula.fill(`${original} + bogus`);
      await page.getByTestId('rollups[0]-formula-caret').waitFor({ timeout: 20_000 });
      // In words, naming what the formula may use; the path is a detail shown on demand.
      await waitForTestIdText(page, 'scheme-issues', 'Unknown name "bogus"');
      expect(await page.getByTestId('scheme-issues').innerText()).not.toContain('rollups[0].formula');
      await page.getByTestId('issue-details-toggle').click();
      expect(await page.getByTestId('scheme-issues').innerText()).toContain('rollups[0].formula');
      expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
      await screenshotViewport(page, 'schemes-13-formula-error');
      await formula.fill(original);
      await waitForTestIdText(page, 'scheme-issues', 'no issues');
      expect(session.pageErrors).toEqual([]);
    });

    it('shows the builder in Chinese', async () => {
      const { page } = session;
      await page.goto(`${server.url}/#/schemes/${encodeURIComponent(schemeId)}`);
      await page.getByTestId('builder-title').waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: /English/i }).click();
      await page.getByRole('menuitem', { name: '中文' }).click();
      await waitForTestIdText(page, 'section-weight-sum', '各部分权重合计为 100');
      await waitForTestIdText(page, 'preview-grade', /优秀|良好|合格|不合格/);
      const text = await visibleText(page);
      for (const label of ['保存草稿', '发布', '预览', '计算过程']) expect(text).toContain(label);
      await screenshotViewport(page, 'schemes-11-builder-zh');
      await page.getByRole('button', { name: /中文/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
    });
  });

  describe('as an EMPLOYEE', () => {
    const session = useBrowserSession({ url: () => server.url, email: 'employee@demo.local' });

    it('reads the published nursing scheme, never the draft, with no edit', async () => {
      const { page } = session;
      const token = await apiLogin(server.url, 'employee@demo.local');
      const visible = await graphqlCall<{ schemes: { nodes: { id: string; code: string }[] } }>(
        server.url,
        '{ schemes(first: 100) { nodes { id code } } }',
        {},
        token,
      );
      const nursing = visible.schemes.nodes.find((s) => s.code === code) ?? visible.schemes.nodes.find((s) => /nursing/i.test(s.code));
      expect(nursing).toBeDefined();

      await page.getByRole('menuitem', { name: 'Schemes' }).click();
      await page.waitForURL(/#\/schemes/);
      await page.locator('tbody tr', { hasText: nursing!.code }).first().waitFor({ timeout: 20_000 });
      const listText = await visibleText(page);
      expect(listText).not.toContain('Create from template');
      expect(listText).not.toContain('Draft');
      await screenshot(page, 'schemes-08-employee-list');

      await page.locator('tbody tr', { hasText: nursing!.code }).first().click();
      await page.waitForURL(/#\/schemes\/[^/]+\/show/);
      await page.getByTestId('scheme-structure').waitFor({ timeout: 20_000 });
      const showText = await visibleText(page);
      expect(showText).toContain('Head nurse assessment');
      expect(showText).toMatch(/Structure of version \d+/);
      expect(showText).not.toContain('Structure of the draft');
      expect(await page.getByRole('button', { name: /^(Publish|Save draft|Discard draft)$/ }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /^(Open builder|Edit|Compare versions)$/ }).count()).toBe(0);
      if (nursing!.code === code) {
        // HR's saved draft moved the weights to 35 / 30 / 35; the employee still reads version 1 (30 / 30 / 40).
        const sections = await page.getByTestId('structure-sections').innerText();
        expect(sections).toContain('40');
        expect(sections).not.toContain('35');
      }
      await screenshot(page, 'schemes-09-employee-show');

      // The builder route does not exist for an employee.
      await page.goto(`${server.url}/#/schemes/${encodeURIComponent(nursing!.id)}`);
      await settle(page);
      expect(await visibleText(page)).not.toContain('Save draft');
      expect(session.pageErrors).toEqual([]);
    });
  });
});
