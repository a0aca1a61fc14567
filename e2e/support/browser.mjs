// Debian's Chromium driven by playwright-core, with every request the page sends recorded.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveDist } from './static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const fixtures = join(root, 'tests', 'fixtures', 'csr');
export const screenshots = join(here, '..', 'screenshots');

// Without the background-networking flags Chromium keeps trying to reach Google's hosts.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function openWidget() {
  const site = await serveDist(join(root, 'dist'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (request) =>
    requests.push({ url: request.url(), method: request.method(), body: request.postData() ?? '' }),
  );
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(site.url);
  await page.getByTestId('csr-text').waitFor();
  return {
    page,
    requests,
    errors,
    origin: new URL(site.url).origin,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

// Runs axe-core in the page and returns the violations of impact serious or critical.
export async function seriousA11yViolations(page) {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => globalThis.axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
