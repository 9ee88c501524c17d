import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, browserMissingFor, type ConsoleServer, graphqlCall, screenshot, screenshotViewport, settle, startConsoleServer, useBrowserSession, visibleText } from './browser.js';

const browserMissing = browserMissingFor('the scheme builder (pay, words, layout)');

const waitForText = async (page: Page, testId: string, text: string | RegExp, timeout = 20_000): Promise<void> => {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor({ timeout });
};

/** Picks an option of an MUI select whose hidden input carries this test id. */
const pickSelect = async (page: Page, testId: string, option: string | RegExp): Promise<void> => {
  await page.getByTestId(testId).locator('..').getByRole('combobox').click();
  await page.getByRole('option', { name: option }).first().click();
};

/**
 * Everything on screen that the browser cuts off: labels, select values, tab labels and chips whose text
 * is wider than their box. Empty when the layout fits.
 */
const truncated = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('main label, main .MuiSelect-select, main .MuiTab-root, main .MuiChip-label, main .MuiButton-root')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && el.scrollWidth > el.clientWidth + 1) out.push(el.textContent || '');
    }
    return out;
  })()`);

/** True when the builder's tabs need no scrolling (no scroll arrows). */
const tabsFit = (page: Page): Promise<boolean> =>
  page.evaluate(`(() => {
    const tabs = document.querySelector('[data-testid="builder-tabs"]');
    const scroller = tabs && tabs.querySelector('.MuiTabs-scroller');
    return !!scroller && scroller.scrollWidth <= scroller.clientWidth && tabs.querySelectorAll('.MuiTabs-scrollButtons:not(.Mui-disabled)').length === 0;
  })()`);

const TABS = ['sections', 'adjustments', 'grades', 'quotas', 'pay', 'formulas', 'general'];

describe.skipIf(browserMissing)('scheme builder: words, pay forms, group preview, layout', () => {
  let server: ConsoleServer;
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startConsoleServer();
    const html = await (await fetch(`${server.url}/`)).text();
    if (!html.includes('id="root"')) throw new Error(`${server.url}/ does not serve the console; build it first: pnpm --filter ./admin run build`);
    const hr = await apiLogin(server.url, 'hr@demo.local');
    const found = await graphqlCall<{ schemes: { nodes: { id: string; code: string }[] } }>(server.url, '{ schemes(first: 50) { nodes { id code } } }', {}, hr);
    ids = Object.fromEntries(found.schemes.nodes.map((n) => [n.code, n.id]));
  });

  afterAll(async () => {
    await server?.stop();
  });

  const session = useBrowserSession({ url: () => server.url, email: 'hr@demo.local' });

  const open = async (code: string): Promise<Page> => {
    const { page } = session;
    await page.setViewportSize({ width: 1440, height: 900 });
    // Through the list, so opening the builder of the scheme already on screen starts afresh.
    await page.goto(`${server.url}/#/schemes`);
    await page.locator('tbody tr').first().waitFor({ timeout: 20_000 });
    await page.goto(`${server.url}/#/schemes/${encodeURIComponent(ids[code] ?? code)}`);
    await page.getByTestId('builder-title').waitFor({ timeout: 20_000 });
    await waitForText(page, 'preview-total', /\d/);
    return page;
  };

  const setLanguage = async (page: Page, language: 'English' | '中文'): Promise<void> => {
    // The app bar hides while scrolling down; the language menu is in it.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('button', { name: language === '中文' ? /English/i : /中文/ }).click();
    await page.getByRole('menuitem', { name: language }).click();
  };

  // One test per builder and language (each measures every tab of one builder): together they took most of a
  // minute on a loaded machine, in one test they outgrew its time limit.
  const LAYOUTS = [
    ...['cafeteria', 'nursing', 'workshop', 'headquarters', 'hotelAudit'].map((code) => ({ code, language: 'English' as const })),
    ...['workshop', 'headquarters'].map((code) => ({ code, language: '中文' as const })),
  ];
  it.each(LAYOUTS)('fits at 1440 px in $language: every tab of $code without scroll arrows, no label or value cut off', async ({ code, language }) => {
    const zh = language === '中文';
    if (zh) await setLanguage(session.page, '中文');
    const page = await open(code);
    expect(await tabsFit(page), `${code}${zh ? ' zh' : ''}`).toBe(true);
    for (const tab of TABS) {
      await page.getByTestId(`tab-${tab}`).click();
      await settle(page);
      expect(await truncated(page), `${code} / ${tab}${zh ? ' zh' : ''}`).toEqual([]);
    }
    if (zh && code === 'workshop') await screenshotViewport(page, 'scheme-pay-01-workshop-zh-general');
    if (zh) await setLanguage(page, 'English');
    expect(session.pageErrors).toEqual([]);
  });

  it('says what is wrong in words at the field, keeps paths and codes as details, in both languages', async () => {
    const page = await open('cafeteria');
    // A sample score above the item's maximum: the message sits under that sample input.
    await page.getByTestId('sample-monthly-DIRECT_SUPERVISOR-hygiene').fill('40');
    await waitForText(page, 'preview-panel', '40 is outside the range of "Hygiene and food safety" (0 to 25).');
    expect(await page.getByTestId('preview-panel').innerText()).not.toContain('appraisal.ratings');
    await screenshotViewport(page, 'scheme-pay-02-sample-out-of-range');
    await page.getByTestId('sample-monthly-DIRECT_SUPERVISOR-hygiene').fill('25');

    // A total cap above the grade scale: the message under the cap input and in the summary, in words.
    await page.getByTestId('tab-general').click();
    await page.locator('[data-path="total.cap"]').fill('120');
    const words = 'Grades cover scores up to 100: cap the total at 100 or below.';
    await waitForText(page, 'scheme-issues', words);
    expect(await page.locator('[data-path="total.cap"]').locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")]').innerText()).toContain(words);
    const summary = await page.getByTestId('scheme-issues').innerText();
    expect(summary).not.toContain('total.cap');
    expect(summary).not.toContain('grade_range_total');
    await page.getByTestId('issue-details-toggle').click();
    await waitForText(page, 'scheme-issues', 'grade_range_total');
    expect(await page.getByTestId('scheme-issue-detail').first().innerText()).toBe('total.cap · grade_range_total');
    await screenshotViewport(page, 'scheme-pay-03-issue-in-words');

    await page.locator('[data-path="total.cap"]').fill('100');
    await waitForText(page, 'scheme-issues', 'no issues');

    // The same in Chinese (switching the language reloads the builder, so the cap is raised again).
    await setLanguage(page, '中文');
    await page.getByTestId('builder-title').waitFor();
    await page.getByTestId('tab-general').click();
    await page.locator('[data-path="total.cap"]').fill('120');
    await waitForText(page, 'scheme-issues', '等级覆盖的最高分为 100，请将总分上限设为 100 或更低。');
    expect(await page.getByTestId('scheme-issues').innerText()).not.toMatch(/total\.cap|grade_range_total/);
    await screenshotViewport(page, 'scheme-pay-03-issue-in-words-zh');
    await setLanguage(page, 'English');
    expect(session.pageErrors).toEqual([]);
  });

  it('edits pay bands in a form: bands typed from the regulation leave 79.5 unpaid, one click makes them half-open', async () => {
    const page = await open('cafeteria');
    await page.getByTestId('tab-pay').click();
    const band = 'pay[0].rule.bands[1]';
    await page.getByTestId(`${band}.max`).waitFor();
    expect(await visibleText(page)).not.toContain('JSON)');
    // "70-79 points: 80 %" typed literally.
    await page.getByTestId(`${band}.max`).fill('79');
    await pickSelect(page, `${band}.maxInclusive`, '≤');
    const gap = 'No pay band covers scores between 79 and 80 (e.g. 79.5).';
    await waitForText(page, 'scheme-issues', gap);
    expect(await page.getByTestId('pay[0].rule-bands').innerText()).toContain(gap);
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await screenshotViewport(page, 'scheme-pay-04-band-gap');
    await page.getByTestId('pay[0].rule-half-open').click();
    await waitForText(page, 'scheme-issues', 'no issues');
    expect(await page.getByTestId(`${band}.max`).inputValue()).toBe('80');
    // The sample at 79.5 now has pay: 80 % of a 900 base.
    await page.getByTestId('sample-pay-base').fill('900');
    for (const [item, points] of [['hygiene', '20'], ['foodQuality', '20'], ['service', '19.5'], ['discipline', '10'], ['safety', '10']] as const) {
      await page.getByTestId(`sample-monthly-DIRECT_SUPERVISOR-${item}`).fill(points);
    }
    // The cafeteria rounds totals to whole points, so 79.5 is 80 and pays in full; the explanation says why.
    await waitForText(page, 'preview-pay', 'Monthly performance pay: 900.00');
    expect(await page.getByTestId('preview-pay').innerText()).toContain('base 900 × 100% (the score 80 is in 80 ≤ score ≤ 100)');
    await screenshotViewport(page, 'scheme-pay-05-band-form');
    expect(session.pageErrors).toEqual([]);
  });

  it('previews headquarters pay with a group: the pool field, floating pay against the average, a department\'s members', async () => {
    const page = await open('headquarters');
    // Alone, the bonus needs a pool: the message is at the pool input.
    await waitForText(page, 'preview-panel', 'Enter the bonus pool.');
    await page.getByTestId('sample-pay-base').fill('1000');
    await page.getByTestId('sample-pool').fill('10000');
    await waitForText(page, 'preview-pay', 'Bonus: 10000.00');
    await page.getByTestId('group-toggle').click();
    await page.getByTestId('group-add-person').click();
    await page.getByTestId('group-add-person').click();
    await page.getByTestId('group-member-0-name').fill('Li Na');
    await page.getByTestId('group-member-0-total').fill('80');
    await page.getByTestId('group-member-0-pay-base').fill('1000');
    await page.getByTestId('group-member-1-name').fill('Zhao Lei');
    await page.getByTestId('group-member-1-total').fill('70');
    await page.getByTestId('group-member-1-pay-base').fill('1200');
    // The sample scores 100 (full marks by default): average (100 + 80 + 70) / 3 = 83.33..;
    // floating 1000 x 100 / 83.33.. = 1200.00; the pool 10,000 x 100 / 250 = 4000.00.
    await waitForText(page, 'group-result-0-total', '5200.00');
    expect(await page.getByTestId('group-result-1-total').innerText()).toBe('4160.00'); // 960.00 + 3200.00
    expect(await page.getByTestId('group-result-2-total').innerText()).toBe('3808.00'); // 1008.00 + 2800.00
    expect(await page.getByTestId('preview-pay').innerText()).toContain("= base 1000 × score 100 ÷ the group's average ≈ 83.3333 (ratio 1.2000, 3 people)");
    await page.getByTestId('group-panel').scrollIntoViewIfNeeded();
    await screenshotViewport(page, 'scheme-pay-06-hq-group');

    // The members of a department, with their floating pay bases; each needs a sample score.
    await page.getByTestId('group-add-department').click();
    await page.getByTestId('group-add-department').fill('HQ-HR');
    await page.getByRole('option', { name: /HQ-HR/ }).first().click();
    await page.getByTestId('group-member-9-name').waitFor({ timeout: 20_000 });
    const names: string[] = [];
    for (let i = 2; i <= 9; i++) names.push(await page.getByTestId(`group-member-${i}-name`).inputValue());
    expect(names).toContain('Lin Xiaohong');
    const lin = names.indexOf('Lin Xiaohong') + 2;
    expect(await page.getByTestId(`group-member-${lin}-pay-base`).inputValue()).toBe('3000.00');
    await waitForText(page, `group-member-${lin}`, 'Enter a sample score for Lin Xiaohong.');
    for (let i = 2; i <= 9; i++) await page.getByTestId(`group-member-${i}-total`).fill(String(70 + i));
    await waitForText(page, 'group-result-9-total', /\d+\.\d\d/);
    await screenshot(page, 'scheme-pay-07-hq-department');
    expect(session.pageErrors).toEqual([]);
  });

  it('previews workshop output pay from revenue, kilograms and work tickets, as the template computes it', async () => {
    const page = await open('workshop');
    await page.getByTestId('tab-pay').click();
    expect(await page.getByTestId('pay[0]-output-formula').inputValue()).toBe('revenue / kilogramsProduced * finishedKilograms');
    await page.getByTestId('sample-output-input-revenue').fill('1200000');
    await page.getByTestId('sample-output-input-kilogramsProduced').fill('60000');
    await page.getByTestId('sample-output-input-finishedKilograms').fill('5000');
    await pickSelect(page, 'sample-pay-group', 'Welding group');
    await page.getByTestId('sample-tickets-add').click();
    await page.getByTestId('sample-tickets-add').click();
    await page.getByTestId('sample-tickets-0-hours').fill('100');
    await page.getByTestId('sample-tickets-1-hours').fill('50');
    await pickSelect(page, 'sample-tickets-1-level', /over by at most two hours/);
    // Alone, the integrated group has nobody to pay: said in words.
    await waitForText(page, 'preview-issues', 'Group "integrated" has 45000.00 to pay but nobody in it');
    await page.getByTestId('group-toggle').click();
    await page.getByTestId('group-add-person').click();
    await page.getByTestId('group-member-0-name').fill('Fitter one');
    await pickSelect(page, 'group-member-0-pay-group', 'Integrated group');
    await page.getByTestId('group-member-0-tickets-add').click();
    await page.getByTestId('group-member-0-tickets-0-hours').fill('170');
    // 1,200,000 / 60,000 x 5,000 = 100,000.00: the welding group's 55,000 goes to the sample alone, the 45,000 to the fitter.
    await waitForText(page, 'group-output-value', '100000.00');
    await waitForText(page, 'group-result-0-total', '55000.00');
    expect(await page.getByTestId('group-result-1-total').innerText()).toBe('45000.00');
    expect(await page.getByTestId('preview-pay').innerText()).toContain("× 145 of the group's 145 weighted hours (100 h × 100% + 50 h × 90%)");
    await page.getByTestId('group-panel').scrollIntoViewIfNeeded();
    await screenshotViewport(page, 'scheme-pay-08-workshop-group');
    expect(session.pageErrors).toEqual([]);
  });
});
