// Debian's Chromium driven by playwright-core against `certorder serve` (the release build of
// the widget, every provider a sandbox), with every request the page sends recorded for the
// request checker.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { startServer } from './server.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';
import { recordRequests, checkRequests } from './requests.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const fixtures = join(root, 'tests', 'fixtures', 'csr');
export const screenshots = join(here, '..', 'screenshots');

export async function launchBrowser() {
  return chromium.launch(chromiumLaunchOptions());
}

// The widget at `fragment` (`#/csr`), served by a fresh `certorder serve` (with `serverEnv`
// added to its environment, on `listen` when given). `ready` is a function of the page that
// resolves once the page is usable; `contextOptions` go to the browser context (a viewport, a
// colour scheme).
export async function openWidget({ fragment = '#/csr', ready, serverEnv, listen, contextOptions = {} } = {}) {
  const server = await startServer(root, { env: serverEnv, listen });
  const browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const requests = recordRequests(context);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${server.url}/${fragment}`);
  if (ready) {
    await ready(page);
  } else if (fragment === '#/csr') {
    await page.getByTestId('csr-text').waitFor();
  }
  const keys = [];
  return {
    page,
    context,
    browser,
    server,
    requests,
    errors,
    // Private keys (PEM) the test made: the checker looks for their material in every request.
    keys,
    origin: new URL(server.url).origin,
    url: server.url,
    check() {
      checkRequests(requests, { keys, serverLog: server.requestLog() });
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

// The widget on the list of orders placed in this browser, where the wizard tests start (the
// screenshots folder made first); `options` as for `openWidget`.
export async function openOrdersPage(options = {}) {
  await mkdir(screenshots, { recursive: true });
  return openWidget({
    fragment: '#/orders',
    ready: (page) => page.getByRole('heading', { name: 'Orders placed in this browser' }).waitFor(),
    ...options,
  });
}

// Runs axe-core on the page as it is now (its default rules: WCAG 2.x A and AA, and its best
// practices) and returns every violation, whatever its impact. The server's
// Content-Security-Policy forbids the inline script axe injects, so the check runs in a second
// context that bypasses CSP, on the same URL and local storage (and `contextOptions`, such as
// the viewport and colour scheme the page was seen in).
export async function a11yViolations(page, contextOptions = {}) {
  const require = createRequire(import.meta.url);
  const state = await page.context().storageState();
  const url = page.url();
  const browser = page.context().browser();
  const context = await browser.newContext({ ...contextOptions, bypassCSP: true, storageState: state });
  try {
    const copy = await context.newPage();
    await copy.goto(url);
    await copy.waitForLoadState('networkidle');
    await copy.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await copy.evaluate(() => globalThis.axe.run());
    return result.violations;
  } finally {
    await context.close();
  }
}
