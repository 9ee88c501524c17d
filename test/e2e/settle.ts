import type { Page, Request } from 'playwright-core';

/**
 * Waiting for a page to settle on a condition instead of sleeping: the requests the page has in flight
 * (GraphQL calls and the lazy chunks of console modules) and its loading indicators. A fixed sleep is either
 * too short on a loaded machine or wasted time on an idle one; this returns as soon as the page is done.
 */

interface Activity {
  inFlight: Set<Request>;
  /** When a request last started or ended (ms since epoch). */
  lastChange: number;
}

const activities = new WeakMap<Page, Activity>();

/** Starts counting the page's requests; openBrowser calls it for every page it opens. */
export function trackRequests(page: Page): void {
  const activity: Activity = { inFlight: new Set(), lastChange: Date.now() };
  const ended = (request: Request) => {
    activity.inFlight.delete(request);
    activity.lastChange = Date.now();
  };
  page.on('request', (request) => {
    activity.inFlight.add(request);
    activity.lastChange = Date.now();
  });
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  activities.set(page, activity);
}

/**
 * Runs in the page (a string: the test code has no DOM types). Lets the page render what it has (two animation
 * frames and a task, so effects that start requests have run), then tells whether:
 * - the console shows the page the address names: the address changes first and React renders afterwards;
 *   admin/src/layout/RouteMarker.tsx writes the committed route to `<html data-route>`;
 * - no page waits hidden behind a Suspense fallback: React hides it with an inline `display: none !important`
 *   until the next page's code has run, and reveals it up to 300 ms later;
 * - no indeterminate progress indicator is on screen (determinate bars, a cycle's completion, are content).
 */
const RENDERED_AND_IDLE = `new Promise((resolve) =>
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        const decode = (path) => {
          try {
            return decodeURI(path);
          } catch {
            return path;
          }
        };
        const addressed = (location.hash.slice(1) || '/').split(/[?#]/)[0] || '/';
        const isConsole = document.getElementById('root') !== null;
        const shown = document.documentElement.dataset.route;
        if (isConsole && (shown === undefined || decode(shown) !== decode(addressed))) return resolve(false);
        if (document.querySelector('#root [style*="display: none !important"]')) return resolve(false);
        const spinners = document.querySelectorAll('.MuiLinearProgress-indeterminate, .MuiCircularProgress-indeterminate, .MuiSkeleton-root');
        resolve(![...spinners].some((s) => s.getClientRects().length > 0));
      }, 0),
    ),
  ),
)`;

const renderedAndIdle = (page: Page): Promise<boolean> =>
  page
    .evaluate<boolean>(RENDERED_AND_IDLE)
    // A navigation replaced the document while we waited: not settled yet.
    .catch(() => false);

export interface SettleOptions {
  /** How long nothing may start or end before the page counts as settled (ms). */
  quietMs?: number;
  /** Give up after this long and let the test's own assertions speak (ms). */
  timeout?: number;
}

/**
 * Waits until the page has no request in flight, none started or ended for `quietMs`, it has rendered, and no
 * loading indicator shows. Returns at the timeout without throwing (like the network-idle waits it replaces):
 * what the test then reads decides whether it passes.
 */
export async function settle(page: Page, { quietMs = 120, timeout = 20_000 }: SettleOptions = {}): Promise<void> {
  const activity = activities.get(page);
  if (!activity) throw new Error('settle() needs a page opened by openBrowser (it counts the requests)');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const quietFor = Date.now() - activity.lastChange;
    if (activity.inFlight.size > 0 || quietFor < quietMs) {
      await new Promise((resolve) => setTimeout(resolve, activity.inFlight.size > 0 ? 25 : quietMs - quietFor));
      continue;
    }
    const changeBefore = activity.lastChange;
    const idle = await renderedAndIdle(page);
    // Rendering may have started a request (an effect, a lazy chunk): then wait for that one too.
    if (idle && activity.lastChange === changeBefore && activity.inFlight.size === 0) return;
    if (!idle) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // Not a failure by itself, but worth knowing when a page never settles (a request that hangs, a stuck spinner).
  console.warn(`settle: ${page.url()} still busy after ${timeout} ms; in flight: ${[...activity.inFlight].map((r) => r.url()).join(', ') || 'none'}`);
}
