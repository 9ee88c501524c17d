import { openBrowser, login, screenshot } from '/work/main/test/e2e/browser.ts';
const base = process.env.BASE ?? 'http://localhost:4300';
const s = await openBrowser();
s.page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.text().slice(0, 300)); });
try {
  await login(s.page, base, process.argv[2] ?? 'hr@demo.local');
  await screenshot(s.page, 'dev-dashboard');
  for (const path of (process.argv[3] ?? '').split(',').filter(Boolean)) {
    await s.page.goto(`${base}/#${path}`);
    await s.page.waitForTimeout(2000);
    await screenshot(s.page, 'dev-' + path.replace(/[^a-z0-9]+/gi, '_'));
  }
} finally {
  console.log('pageErrors', s.pageErrors);
  await s.close();
}
